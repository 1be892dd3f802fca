package dev.liaison.media.bridge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP literals of SDP {@code c=} lines; host names are refused so no DNS look-up ever runs on the signaling path. */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private Addresses() {}

    static boolean isLiteral(String address) {
        return address != null
                && (IPV4.matcher(address).matches()
                        || (address.contains(":") && IPV6.matcher(address).matches()));
    }

    static boolean isIpv6(String address) {
        return address.contains(":");
    }

    /** {@code IN IP4 192.0.2.1} → the address; empty for a hold address (0.0.0.0, ::); null when unusable. */
    static Optional<InetAddress> fromConnection(String connection) {
        String[] parts = connection.trim().split("\\s+");
        if (parts.length < 3 || !parts[0].equals("IN")) {
            return null;
        }
        String literal = parts[2].contains("/") ? parts[2].substring(0, parts[2].indexOf('/')) : parts[2];
        InetAddress address = parse(literal);
        if (address == null) {
            return null;
        }
        return address.isAnyLocalAddress() ? Optional.empty() : Optional.of(address);
    }

    static InetAddress parse(String literal) {
        if (!isLiteral(literal)) {
            return null;
        }
        try {
            if (IPV4.matcher(literal).matches()) {
                String[] octets = literal.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(octets[i]);
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            // a string with a colon is parsed as an IPv6 literal, never looked up
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static String connectionOf(String address) {
        return (isIpv6(address) ? "IN IP6 " : "IN IP4 ") + address;
    }

    static InetSocketAddress socket(InetAddress address, int port) {
        return new InetSocketAddress(address, port);
    }
}
