package dev.liaison.media.config;

import java.net.InetAddress;
import java.util.OptionalInt;

/**
 * One advertised candidate as configured: an IP address with an optional port ({@code 192.0.2.7},
 * {@code 192.0.2.7:16000}, {@code [2001:db8::7]:16000}).
 *
 * @param address the IP address
 * @param port the port, or empty to use the port the mux is bound to
 */
record HostPort(InetAddress address, OptionalInt port) {

    static HostPort parse(String setting, String value) {
        String text = value == null ? "" : value.trim();
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            Checks.require(close > 1, setting + ": '" + value + "' has no closing ']'");
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                Checks.require(rest.startsWith(":"), setting + ": '" + value + "' must be [ipv6] or [ipv6]:port");
                port = rest.substring(1);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        InetAddress address = Checks.ipLiteral(setting, host);
        if (port == null) {
            return new HostPort(address, OptionalInt.empty());
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + ": '" + value + "' has a port that is not a number");
        }
        Checks.range(setting + " port", number, 1, 65_535);
        return new HostPort(address, OptionalInt.of(number));
    }
}
