package dev.liaison.cti.api.identity;

import java.util.Objects;

/**
 * Liaison's correlation ID of a contact: the key under which its session, context and timeline live. Printable ASCII,
 * 1 to {@value #MAX_LENGTH} characters, so that it fits any vendor's screen-pop field and a SIP header.
 */
public record CorrelationId(String value) {

    /** Longest correlation ID accepted: fits a UCCE CallVariable (40 bytes) with room to spare. */
    public static final int MAX_LENGTH = 36;

    public CorrelationId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "A correlation ID has 1 to " + MAX_LENGTH + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("A correlation ID is printable ASCII without spaces");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
