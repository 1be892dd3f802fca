package dev.liaison.cti.ucce.protocol;

import dev.liaison.cti.ucce.protocol.CtiProtocolException.Reason;

/**
 * Reads a message body in the order of its fixed part, then hands the rest to {@link FloatingFields}. Every read checks
 * the remaining length; a body shorter than its fixed part is {@link Reason#MALFORMED}.
 */
public final class MessageReader {

    private final CtiMessage message;
    private final byte[] body;
    private int pos;

    public MessageReader(CtiMessage message, int expectedType) throws CtiProtocolException {
        if (message.type() != expectedType) {
            throw new CtiProtocolException(
                    Reason.MALFORMED, "Expected " + MessageType.name(expectedType) + ", got " + message.typeName());
        }
        this.message = message;
        this.body = message.bodyUnsafe();
    }

    private void need(int n) throws CtiProtocolException {
        if (pos + n > body.length) {
            throw new CtiProtocolException(
                    Reason.MALFORMED,
                    message.typeName() + " has " + body.length + " bytes, shorter than its fixed part");
        }
    }

    public long uint() throws CtiProtocolException {
        need(4);
        long v = ((body[pos] & 0xffL) << 24)
                | ((body[pos + 1] & 0xffL) << 16)
                | ((body[pos + 2] & 0xffL) << 8)
                | (body[pos + 3] & 0xffL);
        pos += 4;
        return v;
    }

    public int ushort() throws CtiProtocolException {
        need(2);
        int v = ((body[pos] & 0xff) << 8) | (body[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    public boolean bool() throws CtiProtocolException {
        return ushort() != 0;
    }

    public int uchar() throws CtiProtocolException {
        need(1);
        return body[pos++] & 0xff;
    }

    public MessageReader skip(int bytes) throws CtiProtocolException {
        need(bytes);
        pos += bytes;
        return this;
    }

    /** Parses what follows the fixed part as floating fields. */
    public FloatingFields floating() throws CtiProtocolException {
        return FloatingFields.parse(message.typeName(), body, pos);
    }
}
