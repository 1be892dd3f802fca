package dev.liaison.media.stun;

import java.util.Arrays;

/**
 * One attribute as it was on the wire: its type, its value (without padding), and the offset of its header in the
 * message (needed to check MESSAGE-INTEGRITY and FINGERPRINT, which cover the bytes before them).
 */
public record StunAttribute(int type, byte[] value, int offset) {

    public StunAttribute {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    int length() {
        return value.length;
    }

    byte valueAt(int index) {
        return value[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunAttribute a && a.type == type && a.offset == offset && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + offset) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("StunAttribute[0x%04x, %d bytes @%d]", type, value.length, offset);
    }
}
