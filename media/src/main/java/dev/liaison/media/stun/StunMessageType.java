package dev.liaison.media.stun;

/**
 * A STUN message type: a 12-bit method and a {@link StunClass}, interleaved on the wire as
 * {@code M11..M7 C1 M6..M4 C0 M3..M0} in the 14 low bits of the first two bytes.
 */
public record StunMessageType(int method, StunClass messageClass) {

    /** The Binding method, the only one ICE uses. */
    public static final int BINDING = 0x001;

    public static final StunMessageType BINDING_REQUEST = new StunMessageType(BINDING, StunClass.REQUEST);
    public static final StunMessageType BINDING_SUCCESS = new StunMessageType(BINDING, StunClass.SUCCESS_RESPONSE);
    public static final StunMessageType BINDING_ERROR = new StunMessageType(BINDING, StunClass.ERROR_RESPONSE);
    public static final StunMessageType BINDING_INDICATION = new StunMessageType(BINDING, StunClass.INDICATION);

    public StunMessageType {
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("STUN method out of range: " + method);
        }
    }

    /** The 16-bit type field (its two top bits are zero). */
    public int encode() {
        int c = messageClass.bits();
        return (method & 0x00F)
                | ((c & 0b01) << 4)
                | ((method & 0x070) << 1)
                | ((c & 0b10) << 7)
                | ((method & 0xF80) << 2);
    }

    /** The type of a 14-bit type field. */
    public static StunMessageType decode(int type) {
        int method = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
        int c = ((type & 0x0010) >> 4) | ((type & 0x0100) >> 7);
        return new StunMessageType(method, StunClass.ofBits(c));
    }
}
