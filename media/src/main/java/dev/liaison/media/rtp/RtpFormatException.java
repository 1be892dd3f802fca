package dev.liaison.media.rtp;

/** Bytes that are not a well-formed RTP or RTCP packet; {@link #reason()} says what was wrong. */
public class RtpFormatException extends Exception {

    /** What made the bytes unacceptable (also the label of the drop counter). */
    public enum Reason {
        /** Fewer bytes than a fixed header, or an offset/length outside the array. */
        TOO_SHORT,
        /** Version is not 2. */
        BAD_VERSION,
        /** The CSRC list or header extension runs past the end. */
        TRUNCATED_HEADER,
        /** The padding count is zero or larger than what follows the header. */
        BAD_PADDING,
        /** An RTCP length field does not fit the compound packet. */
        BAD_LENGTH,
        /** A report count, chunk or feedback item that does not fit its packet. */
        BAD_RTCP_CONTENT,
        /** More packets, blocks, items or bytes than the parser accepts. */
        LIMIT_EXCEEDED,
        /** An RTCP packet type where RTP was expected or the reverse (RFC 5761 ranges). */
        WRONG_KIND
    }

    private final Reason reason;

    public RtpFormatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
