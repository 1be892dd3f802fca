package dev.liaison.gateway.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trunk peers allowed to send calls in: exact addresses and CIDR ranges (IPv4 and IPv6). Host names are resolved
 * once, when the configuration is read.
 */
final class TrunkPeers {

    private final List<Range> ranges;

    private TrunkPeers(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses {@code 192.0.2.10}, {@code 198.51.100.0/24}, {@code 2001:db8::/32} or a host name.
     *
     * @throws IllegalArgumentException on a malformed entry, naming it
     */
    static TrunkPeers parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.trim();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("liaison.sip.trunk-peers has an empty entry");
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            try {
                if (slash < 0) {
                    for (InetAddress address : InetAddress.getAllByName(host)) {
                        ranges.add(new Range(address.getAddress(), address.getAddress().length * 8));
                    }
                } else {
                    byte[] network = InetAddress.getByName(host).getAddress();
                    int bits = Integer.parseInt(entry.substring(slash + 1));
                    if (bits < 0 || bits > network.length * 8) {
                        throw new IllegalArgumentException(
                                "liaison.sip.trunk-peers: prefix length out of range in '" + entry + "'");
                    }
                    ranges.add(new Range(network, bits));
                }
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("liaison.sip.trunk-peers: cannot read '" + entry + "'", e);
            }
        }
        return new TrunkPeers(ranges);
    }

    boolean allows(InetAddress source) {
        if (source == null) {
            return false;
        }
        byte[] address = source.getAddress();
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** Whether {@code host} (a literal address or a name) is a configured peer. */
    boolean allowsHost(String host) {
        try {
            return allows(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private record Range(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
