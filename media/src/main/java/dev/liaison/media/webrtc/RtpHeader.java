package dev.liaison.media.webrtc;

/** Reads the few RTP header fields a leg counts (RFC 3550 5.1); lengths are checked by the caller's SRTP layer. */
final class RtpHeader {
    static final int FIXED_LENGTH = 12;

    private RtpHeader() {}

    static int sequence(byte[] rtp) {
        return ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
    }

    static int ssrc(byte[] rtp) {
        return ((rtp[8] & 0xFF) << 24) | ((rtp[9] & 0xFF) << 16) | ((rtp[10] & 0xFF) << 8) | (rtp[11] & 0xFF);
    }

    /** Bytes after the header (CSRCs and extension skipped) and before the padding; 0 when the header is broken. */
    static int payloadLength(byte[] rtp, int length) {
        if (length < FIXED_LENGTH) {
            return 0;
        }
        int header = FIXED_LENGTH + 4 * (rtp[0] & 0x0F);
        if ((rtp[0] & 0x10) != 0) {
            if (length < header + 4) {
                return 0;
            }
            header += 4 + 4 * (((rtp[header + 2] & 0xFF) << 8) | (rtp[header + 3] & 0xFF));
        }
        int padding = (rtp[0] & 0x20) != 0 ? rtp[length - 1] & 0xFF : 0;
        return Math.max(0, length - header - padding);
    }
}
