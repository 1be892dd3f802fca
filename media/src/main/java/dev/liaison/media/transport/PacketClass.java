package dev.liaison.media.transport;

/** What a datagram on the muxed port is, by its first byte (RFC 7983 section 7). */
public enum PacketClass {
    /** 0-3. */
    STUN,
    /** 20-63. */
    DTLS,
    /** 128-191 (RTCP when the second byte is 192-223, RFC 5761). */
    RTP,
    RTCP,
    /** Anything else (ZRTP, TURN channels, garbage). */
    UNKNOWN;

    public static PacketClass of(byte[] data, int length) {
        if (length < 1) {
            return UNKNOWN;
        }
        int first = data[0] & 0xFF;
        if (first <= 3) {
            return STUN;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 128 && first <= 191) {
            if (length < 2) {
                return UNKNOWN;
            }
            int pt = data[1] & 0xFF;
            return pt >= 192 && pt <= 223 ? RTCP : RTP;
        }
        return UNKNOWN;
    }
}
