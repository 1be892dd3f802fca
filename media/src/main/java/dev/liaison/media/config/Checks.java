package dev.liaison.media.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The start-up checks of {@link MediaProperties}: each failure names the setting. */
final class Checks {

    /** Digits, hex letters, dots and colons only: an IP literal, never a name that would need DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private Checks() {}

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void positive(String setting, Duration value) {
        require(
                value != null && !value.isNegative() && !value.isZero(),
                setting + " must be a positive duration, got " + value);
    }

    static void range(String setting, int value, int min, int max) {
        require(value >= min && value <= max, setting + " must be " + min + ".." + max + ", got " + value);
    }

    /** Parses an IPv4 or IPv6 literal (no brackets); a host name or garbage is refused without a DNS lookup. */
    static InetAddress ipLiteral(String setting, String value) {
        String trimmed = value == null ? "" : value.trim();
        require(
                IP_LITERAL.matcher(trimmed).matches() && (trimmed.contains(".") || trimmed.contains(":")),
                setting + " must be an IP address, got '" + value + "'");
        try {
            return InetAddress.getByName(trimmed);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(setting + " must be an IP address, got '" + value + "'", e);
        }
    }
}
