package dev.liaison.media.rtp;

/** Builds RTP packets for tests. */
final class Packets {
    private Packets() {}

    static byte[] rtp(int payloadType, int sequence, long timestamp, int ssrc, int payloadLength) {
        byte[] b = new byte[RtpPacket.HEADER_LENGTH + payloadLength];
        b[0] = (byte) 0x80;
        b[1] = (byte) payloadType;
        RtpPacket.writeShort(b, 2, sequence);
        RtpPacket.writeInt(b, 4, (int) timestamp);
        RtpPacket.writeInt(b, 8, ssrc);
        for (int i = 0; i < payloadLength; i++) {
            b[RtpPacket.HEADER_LENGTH + i] = (byte) (sequence + i);
        }
        return b;
    }
}
