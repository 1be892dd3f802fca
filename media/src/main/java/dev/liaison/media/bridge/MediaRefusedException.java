package dev.liaison.media.bridge;

/**
 * The broker cannot use an SDP, open a bridge or send DTMF on it; the gateway turns it into SIP 488/503 or JSON
 * {@code media}, or (DTMF) falls back to sending the digit out of band.
 */
public class MediaRefusedException extends RuntimeException {

    /** Why, as a stable code. */
    public enum Reason {
        /** The SDP could not be parsed or breaks a limit. */
        MALFORMED_SDP,
        /** No codec both sides have, and none the broker can transcode between. */
        NO_COMMON_CODEC,
        /** No ports or sessions left. */
        UNAVAILABLE,
        /** The bridge id is not open (closed, or never opened on this node). */
        UNKNOWN_BRIDGE,
        /** An answer came with no offer pending, or from the side that offered. */
        UNEXPECTED_ANSWER,
        /** An offer came while the other side's offer still waits for its answer (glare: SIP 491). */
        OFFER_PENDING,
        /** DTMF towards a side that negotiated no telephone-event (RFC 4733) on its audio section. */
        NO_TELEPHONE_EVENT,
        /** DTMF towards a side that receives no audio now: no answer yet, on hold, or its leg not connected. */
        MEDIA_NOT_FLOWING
    }

    private final Reason reason;

    public MediaRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MediaRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
