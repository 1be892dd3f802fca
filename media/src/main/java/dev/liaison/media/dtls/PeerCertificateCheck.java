package dev.liaison.media.dtls;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;

/** Accepts the peer's certificate only when it matches the fingerprint from the remote SDP. */
final class PeerCertificateCheck {
    private final CertificateFingerprint expected;
    private final HandshakeProblem problem;

    PeerCertificateCheck(CertificateFingerprint expected, HandshakeProblem problem) {
        this.expected = expected;
        this.problem = problem;
    }

    void verify(Certificate certificate) throws IOException {
        if (certificate == null || certificate.isEmpty()) {
            problem.record(DtlsFailure.NO_PEER_CERTIFICATE, "the peer sent no certificate");
            throw new TlsFatalAlert(AlertDescription.handshake_failure);
        }
        byte[] der = certificate.getCertificateAt(0).getEncoded();
        if (!expected.matches(der)) {
            problem.record(
                    DtlsFailure.FINGERPRINT_MISMATCH,
                    "peer certificate is "
                            + CertificateFingerprint.of(expected.algorithm(), der)
                                    .toSdp() + ", SDP said " + expected.toSdp());
            throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
    }
}
