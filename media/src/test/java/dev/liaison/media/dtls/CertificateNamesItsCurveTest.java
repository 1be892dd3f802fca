package dev.liaison.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.Test;

/** Chromium (BoringSSL) answers decode_error to a certificate whose key carries explicit curve parameters. */
class CertificateNamesItsCurveTest {

    @Test
    void certificatePublicKeyNamesTheP256CurveByOid() {
        DtlsCertificate certificate = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)).current();

        Certificate parsed = Certificate.getInstance(certificate.derEncoded());

        assertThat(parsed.getSubjectPublicKeyInfo().getAlgorithm().getParameters())
                .isEqualTo(SECObjectIdentifiers.secp256r1);
    }
}
