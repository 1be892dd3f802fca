package dev.liaison.media.rtp;

import dev.liaison.media.rtp.RtpFormatException.Reason;

/**
 * A checked view over one RTP packet (RFC 3550 5.1) in a byte array; nothing is copied. {@link #parse} validates the
 * fixed header, CSRC list, header extension and padding against the given length, so every accessor stays inside the
 * packet. The setters rewrite the header in place (a relay maps payload type, sequence, timestamp and SSRC).
 */
public final class RtpPacket {
    /** Bytes of the fixed header. */
    public static final int HEADER_LENGTH = 12;

    private final byte[] data;
    private final int offset;
    private final int length;
    private final int payloadOffset;
    private final int payloadLength;

    private RtpPacket(byte[] data, int offset, int length, int payloadOffset, int payloadLength) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
    }

    /** The whole array as one packet. */
    public static RtpPacket parse(byte[] data) throws RtpFormatException {
        return parse(data, 0, data == null ? 0 : data.length);
    }

    /**
     * Validates {@code length} bytes of {@code data} from {@code offset} as an RTP packet. A payload type in the RTCP
     * range (RFC 5761: 72-95 with the marker bit, i.e. second byte 200-223 and 192-199) is {@link Reason#WRONG_KIND}.
     */
    public static RtpPacket parse(byte[] data, int offset, int length) throws RtpFormatException {
        if (data == null || offset < 0 || length < 0 || offset > data.length - length) {
            throw new RtpFormatException(Reason.TOO_SHORT, "offset/length outside the buffer");
        }
        if (length < HEADER_LENGTH) {
            throw new RtpFormatException(Reason.TOO_SHORT, "RTP packet of " + length + " bytes");
        }
        int first = data[offset] & 0xFF;
        if (first >> 6 != 2) {
            throw new RtpFormatException(Reason.BAD_VERSION, "RTP version " + (first >> 6));
        }
        if (PacketKind.isRtcpSecondByte(data[offset + 1] & 0xFF)) {
            throw new RtpFormatException(Reason.WRONG_KIND, "RTCP packet type " + (data[offset + 1] & 0xFF));
        }
        int header = HEADER_LENGTH + 4 * (first & 0x0F);
        if (header > length) {
            throw new RtpFormatException(Reason.TRUNCATED_HEADER, "CSRC list runs past the packet");
        }
        if ((first & 0x10) != 0) {
            if (header + 4 > length) {
                throw new RtpFormatException(Reason.TRUNCATED_HEADER, "header extension runs past the packet");
            }
            int words = readShort(data, offset + header + 2);
            header += 4 + 4 * words;
            if (header > length) {
                throw new RtpFormatException(Reason.TRUNCATED_HEADER, "header extension runs past the packet");
            }
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            padding = data[offset + length - 1] & 0xFF;
            if (padding == 0 || padding > length - header) {
                throw new RtpFormatException(Reason.BAD_PADDING, "padding count " + padding);
            }
        }
        return new RtpPacket(data, offset, length, offset + header, length - header - padding);
    }

    public byte[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int version() {
        return (data[offset] & 0xFF) >> 6;
    }

    public boolean padding() {
        return (data[offset] & 0x20) != 0;
    }

    public boolean extension() {
        return (data[offset] & 0x10) != 0;
    }

    public int csrcCount() {
        return data[offset] & 0x0F;
    }

    /** The {@code index}-th contributing source. */
    public int csrc(int index) {
        if (index < 0 || index >= csrcCount()) {
            throw new IndexOutOfBoundsException("CSRC " + index + " of " + csrcCount());
        }
        return readInt(data, offset + HEADER_LENGTH + 4 * index);
    }

    /** The header extension's 16-bit profile identifier ({@code 0xBEDE} for RFC 8285 one-byte headers), or -1. */
    public int extensionProfile() {
        return extension() ? readShort(data, offset + HEADER_LENGTH + 4 * csrcCount()) : -1;
    }

    /** Bytes of header extension data (without its 4-byte header), 0 without an extension. */
    public int extensionLength() {
        return extension() ? 4 * readShort(data, offset + HEADER_LENGTH + 4 * csrcCount() + 2) : 0;
    }

    public boolean marker() {
        return (data[offset + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return data[offset + 1] & 0x7F;
    }

    /** The 16-bit sequence number, 0..65535. */
    public int sequence() {
        return readShort(data, offset + 2);
    }

    /** The 32-bit timestamp, unsigned. */
    public long timestamp() {
        return readInt(data, offset + 4) & 0xFFFF_FFFFL;
    }

    public int ssrc() {
        return readInt(data, offset + 8);
    }

    /** Where the payload starts in {@link #data()} (absolute index). */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload bytes, without padding. */
    public int payloadLength() {
        return payloadLength;
    }

    /** Bytes from the start of the packet to the payload (fixed header, CSRCs, extension). */
    public int headerLength() {
        return payloadOffset - offset;
    }

    public void setMarker(boolean marker) {
        data[offset + 1] = (byte) (marker ? data[offset + 1] | 0x80 : data[offset + 1] & 0x7F);
    }

    /** Sets the 7-bit payload type; one in the RTCP-conflicting range 64-95 is refused (RFC 5761 4). */
    public void setPayloadType(int payloadType) {
        if (payloadType < 0 || payloadType > 127 || (payloadType >= 64 && payloadType <= 95)) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not usable with rtcp-mux");
        }
        data[offset + 1] = (byte) ((data[offset + 1] & 0x80) | payloadType);
    }

    public void setSequence(int sequence) {
        writeShort(data, offset + 2, sequence);
    }

    public void setTimestamp(long timestamp) {
        writeInt(data, offset + 4, (int) timestamp);
    }

    public void setSsrc(int ssrc) {
        writeInt(data, offset + 8, ssrc);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType() + " seq=" + sequence() + " ts=" + timestamp() + " ssrc="
                + Integer.toUnsignedString(ssrc()) + " payload=" + payloadLength + "]";
    }

    static int readShort(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static void writeShort(byte[] b, int off, int value) {
        b[off] = (byte) (value >> 8);
        b[off + 1] = (byte) value;
    }

    static void writeInt(byte[] b, int off, int value) {
        b[off] = (byte) (value >> 24);
        b[off + 1] = (byte) (value >> 16);
        b[off + 2] = (byte) (value >> 8);
        b[off + 3] = (byte) value;
    }
}
