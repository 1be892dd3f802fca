package dev.liaison.media.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (HMAC-SHA1 over the message up to the attribute, with the header length counting up to and
 * including it) and FINGERPRINT (CRC-32 of the message up to it, xor 0x5354554e), computed and checked.
 */
public final class StunIntegrity {

    /** FINGERPRINT is the CRC-32 xor this constant ("STUN"). */
    public static final int FINGERPRINT_XOR = 0x5354554E;

    static final int INTEGRITY_ATTRIBUTE_LENGTH = 24;
    static final int FINGERPRINT_ATTRIBUTE_LENGTH = 8;

    private StunIntegrity() {}

    /** The short-term credential key (ICE): the password's UTF-8 bytes (ice-pwd is ASCII, so SASLprep is a no-op). */
    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** The long-term credential key: MD5(username ":" realm ":" password), inputs already SASLprep'd. */
    public static byte[] longTermKey(String username, String realm, String password) {
        try {
            return MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is always available", e);
        }
    }

    /** Whether the message carries MESSAGE-INTEGRITY and it matches {@code key}. */
    public static boolean hasValidIntegrity(StunMessage message, byte[] key) {
        Optional<StunAttribute> mi = message.attribute(StunAttributeType.MESSAGE_INTEGRITY);
        if (mi.isEmpty()) {
            return false;
        }
        byte[] expected = hmacSha1(key, message.rawUnsafe(), mi.get().offset(), INTEGRITY_ATTRIBUTE_LENGTH);
        return MessageDigest.isEqual(expected, mi.get().value());
    }

    /** Whether the message carries FINGERPRINT and it matches. */
    public static boolean hasValidFingerprint(StunMessage message) {
        Optional<StunAttribute> fp = message.attribute(StunAttributeType.FINGERPRINT);
        if (fp.isEmpty()) {
            return false;
        }
        int expected = fingerprint(message.rawUnsafe(), fp.get().offset());
        return StunDecoder.readInt(fp.get().value(), 0) == expected;
    }

    /**
     * HMAC-SHA1 of {@code message[0..end)} where the header's length field is rewritten as if the message ended
     * {@code extra} bytes after {@code end}.
     */
    static byte[] hmacSha1(byte[] key, byte[] message, int end, int extra) {
        byte[] covered = withLength(message, end, extra);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            return mac.doFinal(covered);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is always available", e);
        }
    }

    /** CRC-32 xor "STUN" of {@code message[0..end)} with the length field counting the FINGERPRINT attribute. */
    static int fingerprint(byte[] message, int end) {
        CRC32 crc = new CRC32();
        crc.update(withLength(message, end, FINGERPRINT_ATTRIBUTE_LENGTH));
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    private static byte[] withLength(byte[] message, int end, int extra) {
        byte[] covered = Arrays.copyOf(message, end);
        int length = end - StunMessage.HEADER_LENGTH + extra;
        covered[2] = (byte) (length >>> 8);
        covered[3] = (byte) length;
        return covered;
    }
}
