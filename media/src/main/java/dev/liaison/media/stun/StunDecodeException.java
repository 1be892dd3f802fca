package dev.liaison.media.stun;

/** Bytes that are not a well-formed STUN message; {@link #reason()} says what was wrong. */
public class StunDecodeException extends Exception {

    /** What made the bytes unacceptable (also the label of the drop counter). */
    public enum Reason {
        TOO_SHORT,
        NOT_STUN,
        BAD_LENGTH,
        BAD_COOKIE,
        TRUNCATED_ATTRIBUTE,
        TOO_MANY_ATTRIBUTES,
        BAD_ATTRIBUTE_VALUE,
        ATTRIBUTE_AFTER_FINGERPRINT
    }

    private final Reason reason;

    public StunDecodeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
