package dev.liaison.cti.ucce.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a message body in the spec's encodings, network byte order: UINT/INT 4 bytes, USHORT/BOOL 2, UCHAR 1, TIME 4
 * (seconds); then floating fields (UCHAR tag, UCHAR length, data), STRING data null-terminated, NAMEDVAR as name NUL
 * value NUL, NAMEDARRAY as index then name NUL value NUL. A field whose data exceeds 255 bytes cannot be written.
 */
public final class MessageWriter {

    private final int type;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    public MessageWriter(int type) {
        this.type = type;
    }

    public MessageWriter uint(long value) {
        out.write((int) (value >>> 24) & 0xff);
        out.write((int) (value >>> 16) & 0xff);
        out.write((int) (value >>> 8) & 0xff);
        out.write((int) value & 0xff);
        return this;
    }

    public MessageWriter ushort(int value) {
        out.write((value >>> 8) & 0xff);
        out.write(value & 0xff);
        return this;
    }

    public MessageWriter bool(boolean value) {
        return ushort(value ? 1 : 0);
    }

    public MessageWriter uchar(int value) {
        out.write(value & 0xff);
        return this;
    }

    /** A STRING floating field; skipped when {@code value} is null. */
    public MessageWriter string(int tag, String value) {
        if (value == null) {
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, data, 0, bytes.length);
        return field(tag, data);
    }

    /** A UINT floating field; skipped when {@code value} is null. */
    public MessageWriter uintField(int tag, Long value) {
        if (value == null) {
            return this;
        }
        long v = value;
        return field(tag, new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    public MessageWriter namedVariable(String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[n.length + 1 + v.length + 1];
        System.arraycopy(n, 0, data, 0, n.length);
        System.arraycopy(v, 0, data, n.length + 1, v.length);
        return field(Tag.NAMED_VARIABLE, data);
    }

    public MessageWriter namedArray(String name, int index, String value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[1 + n.length + 1 + v.length + 1];
        data[0] = (byte) index;
        System.arraycopy(n, 0, data, 1, n.length);
        System.arraycopy(v, 0, data, 1 + n.length + 1, v.length);
        return field(Tag.NAMED_ARRAY, data);
    }

    /** A floating field with raw data (UNSPEC). */
    public MessageWriter field(int tag, byte[] data) {
        if (data.length > 255) {
            throw new IllegalArgumentException("Floating field " + tag + " has " + data.length + " bytes, max 255");
        }
        out.write(tag);
        out.write(data.length);
        out.writeBytes(data);
        return this;
    }

    public CtiMessage build() {
        return new CtiMessage(type, out.toByteArray());
    }
}
