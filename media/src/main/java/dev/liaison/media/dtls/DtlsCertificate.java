package dev.liaison.media.dtls;

import java.time.Instant;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * This endpoint's DTLS identity: a self-signed ECDSA P-256 certificate, its private key and its SHA-256 fingerprint.
 */
public record DtlsCertificate(
        byte[] derEncoded, AsymmetricKeyParameter privateKey, CertificateFingerprint fingerprint, Instant notAfter) {

    public DtlsCertificate {
        derEncoded = derEncoded.clone();
    }

    @Override
    public byte[] derEncoded() {
        return derEncoded.clone();
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + fingerprint.toSdp() + ", notAfter=" + notAfter + "]";
    }
}
