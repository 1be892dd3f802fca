package dev.liaison.cti.ucce.protocol;

import dev.liaison.cti.ucce.protocol.CtiProtocolException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The spec's framing on a TCP stream: an 8-byte header (UINT MessageLength of the body, UINT MessageType) followed by
 * the body. Bodies above {@code maxBodyBytes} are refused before reading them ({@link Reason#TOO_LARGE}); a stream
 * that ends inside a frame is {@link Reason#TRUNCATED}.
 */
public final class FrameCodec {

    public static final int HEADER_BYTES = 8;

    private final int maxBodyBytes;

    public FrameCodec(int maxBodyBytes) {
        if (maxBodyBytes < 16) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 16");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Reads one frame.
     *
     * @return the message, or null when the stream ended cleanly between frames
     */
    public CtiMessage read(InputStream in) throws IOException, CtiProtocolException {
        byte[] header = new byte[HEADER_BYTES];
        int got = readFully(in, header);
        if (got == 0) {
            return null;
        }
        if (got < HEADER_BYTES) {
            throw new CtiProtocolException(Reason.TRUNCATED, "Stream ended inside a header (" + got + " of 8 bytes)");
        }
        long length = readUint(header, 0);
        long type = readUint(header, 4);
        if (length > maxBodyBytes) {
            throw new CtiProtocolException(
                    Reason.TOO_LARGE,
                    "MessageLength " + length + " of " + MessageType.name((int) type) + " exceeds " + maxBodyBytes);
        }
        byte[] body = new byte[(int) length];
        int bodyGot = readFully(in, body);
        if (bodyGot < length) {
            throw new CtiProtocolException(
                    Reason.TRUNCATED,
                    "Stream ended inside " + MessageType.name((int) type) + " (" + bodyGot + " of " + length
                            + " bytes)");
        }
        return new CtiMessage((int) type, body);
    }

    /** The frame bytes of a message: header then body. */
    public static byte[] encode(CtiMessage message) {
        byte[] body = message.bodyUnsafe();
        byte[] frame = new byte[HEADER_BYTES + body.length];
        writeUint(frame, 0, body.length);
        writeUint(frame, 4, message.type());
        System.arraycopy(body, 0, frame, HEADER_BYTES, body.length);
        return frame;
    }

    public static void write(OutputStream out, CtiMessage message) throws IOException {
        out.write(encode(message));
        out.flush();
    }

    private static int readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int n = in.read(buf, off, buf.length - off);
            if (n < 0) {
                return off;
            }
            off += n;
        }
        return off;
    }

    private static long readUint(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24)
                | ((b[off + 1] & 0xffL) << 16)
                | ((b[off + 2] & 0xffL) << 8)
                | (b[off + 3] & 0xffL);
    }

    private static void writeUint(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
