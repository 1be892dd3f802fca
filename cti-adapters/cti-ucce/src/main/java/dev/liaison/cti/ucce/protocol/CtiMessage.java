package dev.liaison.cti.ucce.protocol;

import java.util.Arrays;

/**
 * One CTI Server message: the header's MessageType and the body (fixed part followed by the floating part). The
 * header's MessageLength is the body's length. The body array is never shared: it is copied in and out.
 */
public final class CtiMessage {

    private final int type;
    private final byte[] body;

    public CtiMessage(int type, byte[] body) {
        this.type = type;
        this.body = body.clone();
    }

    public int type() {
        return type;
    }

    public byte[] body() {
        return body.clone();
    }

    int length() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    public String typeName() {
        return MessageType.name(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CtiMessage m && m.type == type && Arrays.equals(m.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return typeName() + "(" + body.length + " bytes)";
    }
}
