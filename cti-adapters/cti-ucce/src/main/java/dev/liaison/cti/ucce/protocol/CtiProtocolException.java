package dev.liaison.cti.ucce.protocol;

/**
 * A frame or message that breaks the protocol: too large, truncated, a floating field running past the end, a string
 * without its terminator, a fixed part shorter than the message type needs. {@link #reason()} is a short stable word
 * used as the metric tag. The link is reset on this; it is never thrown past the link.
 */
public final class CtiProtocolException extends Exception {

    /** Why the frame was refused; the metric tag {@code reason}. */
    public enum Reason {
        TOO_LARGE,
        TRUNCATED,
        MALFORMED
    }

    private final Reason reason;

    public CtiProtocolException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
