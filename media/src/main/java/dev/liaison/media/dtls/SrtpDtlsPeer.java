package dev.liaison.media.dtls;

import dev.liaison.media.srtp.SrtpKeyingMaterial;
import dev.liaison.media.srtp.SrtpProfile;
import java.io.IOException;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * What the DTLS-SRTP client and server have in common, whichever Bouncy Castle base class they extend: DTLS 1.2 only,
 * our ECDSA suites and certificate, the handshake timeout, the peer certificate check against the SDP fingerprint, the
 * chosen SRTP profile and the keys exported once the handshake completes.
 */
final class SrtpDtlsPeer {
    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final DtlsSettings settings;
    private final PeerCertificateCheck peerCheck;
    private final HandshakeProblem problem;
    private SrtpProfile profile;
    private volatile SrtpKeyingMaterial keys;

    SrtpDtlsPeer(
            BcTlsCrypto crypto,
            DtlsCertificate certificate,
            CertificateFingerprint remote,
            DtlsSettings settings,
            HandshakeProblem problem) {
        this.crypto = crypto;
        this.certificate = certificate;
        this.settings = settings;
        this.problem = problem;
        this.peerCheck = new PeerCertificateCheck(remote, problem);
    }

    SrtpKeyingMaterial keys() {
        return keys;
    }

    DtlsSettings settings() {
        return settings;
    }

    HandshakeProblem problem() {
        return problem;
    }

    void chose(SrtpProfile chosen) {
        profile = chosen;
    }

    SrtpProfile profile() {
        return profile;
    }

    ProtocolVersion[] supportedVersions() {
        // Chromium accepts DTLS 1.2 from a server; two Chromiums would agree on 1.3 between themselves.
        return ProtocolVersion.DTLSv12.only();
    }

    int[] supportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(crypto, DtlsCredentials.CIPHER_SUITES);
    }

    int handshakeTimeoutMillis() {
        return (int) settings.handshakeTimeout().toMillis();
    }

    TlsCredentialedSigner credentials(TlsContext context) throws IOException {
        return DtlsCredentials.signer(crypto, context, certificate);
    }

    void verifyPeer(Certificate peerCertificate) throws IOException {
        peerCheck.verify(peerCertificate);
    }

    /** Exports {@code EXTRACTOR-dtls_srtp} and splits it into our and the peer's keys (RFC 5764 4.2). */
    void exportKeys(TlsContext context, boolean weAreClient) {
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
        keys = SrtpKeyingMaterial.fromDtlsExport(profile, material, weAreClient);
    }
}
