package dev.liaison.media.srtp;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SRTP protection profiles Liaison speaks, with their DTLS-SRTP identifiers (RFC 5764, RFC 7714) and SDES
 * crypto-suite names (RFC 4568, RFC 7714).
 */
public enum SrtpProfile {
    AES128_CM_HMAC_SHA1_80(0x0001, "AES_CM_128_HMAC_SHA1_80", 16, 14, 10, false),
    AES128_CM_HMAC_SHA1_32(0x0002, "AES_CM_128_HMAC_SHA1_32", 16, 14, 4, false),
    AEAD_AES_128_GCM(0x0007, "AEAD_AES_128_GCM", 16, 12, 16, true),
    AEAD_AES_256_GCM(0x0008, "AEAD_AES_256_GCM", 32, 12, 16, true);

    private final int dtlsId;
    private final String sdesName;
    private final int keyLength;
    private final int saltLength;
    private final int rtpTagLength;
    private final boolean aead;

    SrtpProfile(int dtlsId, String sdesName, int keyLength, int saltLength, int rtpTagLength, boolean aead) {
        this.dtlsId = dtlsId;
        this.sdesName = sdesName;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.rtpTagLength = rtpTagLength;
        this.aead = aead;
    }

    /** The SRTPProtectionProfile value of the DTLS use_srtp extension. */
    public int dtlsId() {
        return dtlsId;
    }

    /** The crypto-suite name of an SDP {@code a=crypto} line. */
    public String sdesName() {
        return sdesName;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** Authentication tag length of SRTP packets; SRTCP always uses 10 bytes for HMAC profiles (RFC 5764 4.1.2). */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    public int rtcpTagLength() {
        return aead ? 16 : 10;
    }

    public boolean aead() {
        return aead;
    }

    /** Bytes of exported keying material: two master keys and two master salts (RFC 5764 4.2). */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    public static Optional<SrtpProfile> byDtlsId(int id) {
        return Arrays.stream(values()).filter(p -> p.dtlsId == id).findFirst();
    }

    public static Optional<SrtpProfile> bySdesName(String name) {
        return Arrays.stream(values()).filter(p -> p.sdesName.equals(name)).findFirst();
    }
}
