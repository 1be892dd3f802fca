package dev.liaison.media.srtp;

import static dev.liaison.media.srtp.Rfc3711Reference.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.SrtpCipherGcm;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B (AES-CM keystream, key derivation) and RFC 7714 (AES-GCM) known answers. */
class SrtpTestVectorsTest {
    // RFC 3711 B.3
    private static final byte[] MASTER_KEY = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = hex("0EC675AD498AFEEBB6960B3AABE6");
    private static final byte[] CIPHER_KEY = hex("C61E7A93744F39EE10734AFE3FF7A087");
    private static final byte[] CIPHER_SALT = hex("30CBBC08863D8C85D49DB34A9AE1");
    private static final byte[] AUTH_KEY = hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");

    @Test
    void aesCounterModeKeystreamMatchesRfc3711B2() throws Exception {
        byte[] ks = Rfc3711Reference.keystream(
                hex("2B7E151628AED2A6ABF7158809CF4F3C"), hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), 48);
        assertThat(ks)
                .isEqualTo(hex("E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB"
                        + "41E95B3BB0A2E8DD477901E4FCA894C0"));
    }

    @Test
    void sessionKeysDerivedFromTheRfc3711B3MasterKeyProtectExactlyAsTheRfcSessionKeysDo() throws Exception {
        byte[] rtp = hex("80 0f 12 34 decafbad cafebabe" + "abababababababababababababababab" + "0102030405");
        byte[] expected = Rfc3711Reference.protect(rtp, CIPHER_KEY, CIPHER_SALT, AUTH_KEY);
        SrtpKeyingMaterial keys = new SrtpKeyingMaterial(
                SrtpProfile.AES128_CM_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT, MASTER_KEY, MASTER_SALT);
        try (SrtpSession session = new SrtpSession(keys, 8, new SrtpMetrics(new SimpleMeterRegistry()))) {
            SrtpResult protectedPacket = session.protectRtp(rtp, 0, rtp.length);
            assertThat(protectedPacket.outcome()).isEqualTo(SrtpOutcome.OK);
            assertThat(protectedPacket.packet()).isEqualTo(expected);
            SrtpResult back = session.unprotectRtp(expected, 0, expected.length);
            assertThat(back.packet()).isEqualTo(rtp);
        }
    }

    @Test
    void aesGcmOfTheLibraryMatchesRfc7714Section16() throws Exception {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f");
        byte[] salt = hex("517569642070726f2071756f");
        byte[] packet = hex("8040f17b8041f8d35501a0b2"
                + "47616c6c696120657374206f6d6e69732064697669736120696e2070617274657320747265" + "73");
        byte[] expected =
                hex("8040f17b8041f8d35501a0b2" + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b"
                        + "36de3adf8833899d7f27beb16a9152cf765ee4390cce");
        // IV = (00 00 || SSRC || ROC || SEQ) XOR salt (RFC 7714 8.1)
        byte[] iv = new byte[12];
        System.arraycopy(packet, 8, iv, 2, 4);
        System.arraycopy(packet, 2, iv, 10, 2);
        for (int i = 0; i < 12; i++) {
            iv[i] ^= salt[i];
        }
        SrtpCipherGcm gcm = new SrtpCipherGcm(Aes.createCipher("AES/GCM/NoPadding"));
        gcm.init(key, null);
        gcm.setIV(iv, Cipher.ENCRYPT_MODE);
        gcm.processAAD(packet, 0, 12);
        byte[] buf = Arrays.copyOf(packet, packet.length + 16);
        int n = gcm.process(buf, 12, packet.length - 12);
        assertThat(Arrays.copyOf(buf, 12 + n)).isEqualTo(expected);
    }
}
