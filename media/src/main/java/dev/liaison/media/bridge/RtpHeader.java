package dev.liaison.media.bridge;

/**
 * The fixed RTP header fields the relay reads and rewrites (RFC 3550 5.1): the only RTP parsing in this package, kept
 * here so it can be swapped for the {@code rtp} package's packet class. CSRCs, header extensions and padding are
 * skipped on read and never written: relayed packets carry the 12-byte header and the payload only.
 */
final class RtpHeader {
    static final int LENGTH = 12;

    final int payloadType;
    final boolean marker;
    final int sequence;
    final long timestamp;
    final long ssrc;
    final int payloadOffset;
    final int payloadLength;

    private RtpHeader(
            int payloadType,
            boolean marker,
            int sequence,
            long timestamp,
            long ssrc,
            int payloadOffset,
            int payloadLength) {
        this.payloadType = payloadType;
        this.marker = marker;
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.ssrc = ssrc;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
    }

    /** The header of {@code length} bytes of {@code packet}, or null when it is not a well-formed RTP version 2 packet. */
    static RtpHeader parse(byte[] packet, int length) {
        if (packet == null || length < LENGTH || length > packet.length || (packet[0] & 0xC0) != 0x80) {
            return null;
        }
        int offset = LENGTH + 4 * (packet[0] & 0x0F);
        if ((packet[0] & 0x10) != 0) {
            if (offset + 4 > length) {
                return null;
            }
            int words = ((packet[offset + 2] & 0xFF) << 8) | (packet[offset + 3] & 0xFF);
            offset += 4 + 4 * words;
        }
        int end = length;
        if ((packet[0] & 0x20) != 0) {
            int padding = packet[length - 1] & 0xFF;
            if (padding == 0) {
                return null;
            }
            end -= padding;
        }
        if (offset > end) {
            return null;
        }
        return new RtpHeader(
                packet[1] & 0x7F,
                (packet[1] & 0x80) != 0,
                readShort(packet, 2),
                readInt(packet, 4),
                readInt(packet, 8),
                offset,
                end - offset);
    }

    byte[] payload(byte[] packet) {
        byte[] payload = new byte[payloadLength];
        System.arraycopy(packet, payloadOffset, payload, 0, payloadLength);
        return payload;
    }

    /** A packet with a 12-byte header (no CSRC, no extension, no padding) and {@code payload}. */
    static byte[] build(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {
        return build(payloadType, marker, sequence, timestamp, ssrc, payload, 0, payload.length);
    }

    static byte[] build(
            int payloadType,
            boolean marker,
            int sequence,
            long timestamp,
            long ssrc,
            byte[] source,
            int offset,
            int length) {
        byte[] packet = new byte[LENGTH + length];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        writeShort(packet, 2, sequence);
        writeInt(packet, 4, timestamp);
        writeInt(packet, 8, ssrc);
        System.arraycopy(source, offset, packet, LENGTH, length);
        return packet;
    }

    static int readShort(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static long readInt(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    static void writeShort(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }

    static void writeInt(byte[] b, int at, long value) {
        b[at] = (byte) (value >> 24);
        b[at + 1] = (byte) (value >> 16);
        b[at + 2] = (byte) (value >> 8);
        b[at + 3] = (byte) value;
    }
}
