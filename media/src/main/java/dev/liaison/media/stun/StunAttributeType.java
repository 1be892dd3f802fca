package dev.liaison.media.stun;

/** STUN attribute type numbers (RFC 8489 section 18.3, RFC 8445 section 16.1) and the comprehension rule. */
public final class StunAttributeType {

    public static final int MAPPED_ADDRESS = 0x0001;
    public static final int USERNAME = 0x0006;
    public static final int MESSAGE_INTEGRITY = 0x0008;
    public static final int ERROR_CODE = 0x0009;
    public static final int UNKNOWN_ATTRIBUTES = 0x000A;
    public static final int REALM = 0x0014;
    public static final int NONCE = 0x0015;
    public static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;
    public static final int PASSWORD_ALGORITHM = 0x001D;
    public static final int USERHASH = 0x001E;
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    public static final int PRIORITY = 0x0024;
    public static final int USE_CANDIDATE = 0x0025;
    public static final int PASSWORD_ALGORITHMS = 0x8002;
    public static final int ALTERNATE_DOMAIN = 0x8003;
    public static final int SOFTWARE = 0x8022;
    public static final int ALTERNATE_SERVER = 0x8023;
    public static final int FINGERPRINT = 0x8028;
    public static final int ICE_CONTROLLED = 0x8029;
    public static final int ICE_CONTROLLING = 0x802A;

    private StunAttributeType() {}

    /** Types 0x0000-0x7FFF are comprehension-required: an agent that does not know one must reject the request. */
    public static boolean isComprehensionRequired(int type) {
        return type < 0x8000;
    }

    /** Whether this codec understands {@code type} (the others are kept as raw values). */
    public static boolean isKnown(int type) {
        return switch (type) {
            case MAPPED_ADDRESS,
                    USERNAME,
                    MESSAGE_INTEGRITY,
                    ERROR_CODE,
                    UNKNOWN_ATTRIBUTES,
                    REALM,
                    NONCE,
                    MESSAGE_INTEGRITY_SHA256,
                    PASSWORD_ALGORITHM,
                    USERHASH,
                    XOR_MAPPED_ADDRESS,
                    PRIORITY,
                    USE_CANDIDATE,
                    PASSWORD_ALGORITHMS,
                    ALTERNATE_DOMAIN,
                    SOFTWARE,
                    ALTERNATE_SERVER,
                    FINGERPRINT,
                    ICE_CONTROLLED,
                    ICE_CONTROLLING -> true;
            default -> false;
        };
    }
}
