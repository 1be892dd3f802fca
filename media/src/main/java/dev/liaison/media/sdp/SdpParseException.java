package dev.liaison.media.sdp;

/** An SDP the broker refuses (SIP 488 / JSON error {@code media} at the protocol edge); {@link #reason()} says why. */
public class SdpParseException extends Exception {

    public enum Reason {
        TOO_LARGE,
        TOO_MANY_LINES,
        MALFORMED_LINE,
        MISSING_LINE,
        BAD_MEDIA_LINE,
        BAD_ATTRIBUTE
    }

    private final Reason reason;

    public SdpParseException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
