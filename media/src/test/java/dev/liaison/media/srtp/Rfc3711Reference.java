package dev.liaison.media.srtp;

import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** A from-the-RFC AES-CM + HMAC-SHA1 packet builder that the tests check against the RFC's vectors first. */
final class Rfc3711Reference {
    private Rfc3711Reference() {}

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    /** AES-CM keystream from a 128-bit counter start (RFC 3711 4.1.1). */
    static byte[] keystream(byte[] key, byte[] iv, int length) throws Exception {
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return aes.doFinal(new byte[length]);
    }

    /** The SRTP IV: salt * 2^16 XOR SSRC * 2^64 XOR index * 2^16. */
    static byte[] iv(byte[] sessionSalt, int ssrc, long index) {
        byte[] iv = new byte[16];
        System.arraycopy(sessionSalt, 0, iv, 0, 14);
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        return iv;
    }

    /** An SRTP packet protected with explicit session keys, ROC 0, 80-bit tag. */
    static byte[] protect(byte[] rtp, byte[] encKey, byte[] salt, byte[] authKey) throws Exception {
        int seq = ((rtp[2] & 0xff) << 8) | (rtp[3] & 0xff);
        int ssrc = ((rtp[8] & 0xff) << 24) | ((rtp[9] & 0xff) << 16) | ((rtp[10] & 0xff) << 8) | (rtp[11] & 0xff);
        byte[] ks = keystream(encKey, iv(salt, ssrc, seq), rtp.length - 12);
        byte[] out = new byte[rtp.length + 10];
        System.arraycopy(rtp, 0, out, 0, 12);
        for (int i = 12; i < rtp.length; i++) {
            out[i] = (byte) (rtp[i] ^ ks[i - 12]);
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        mac.update(out, 0, rtp.length);
        byte[] tag = mac.doFinal(new byte[4]);
        System.arraycopy(tag, 0, out, rtp.length, 10);
        return out;
    }
}
