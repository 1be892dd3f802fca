package dev.liaison.media.rtp;

/** RTP or RTCP on one port (RFC 5761 4): the second byte of an RTCP packet is its type, 192-223. */
public enum PacketKind {
    RTP,
    RTCP,
    /** Too short, or not version 2. */
    NOT_RTP;

    /** Classifies {@code length} bytes of {@code data} from {@code offset} without validating the rest. */
    public static PacketKind of(byte[] data, int offset, int length) {
        if (data == null || offset < 0 || length < 2 || offset > data.length - length) {
            return NOT_RTP;
        }
        if ((data[offset] & 0xC0) != 0x80) {
            return NOT_RTP;
        }
        return isRtcpSecondByte(data[offset + 1] & 0xFF) ? RTCP : RTP;
    }

    static boolean isRtcpSecondByte(int secondByte) {
        return secondByte >= 192 && secondByte <= 223;
    }
}
