package dev.liaison.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

    @Test
    void certificateFingerprintIsSha256InSdpFormatAndMatchesItsCertificate() {
        DtlsCertificate cert = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)).current();
        String sdp = cert.fingerprint().toSdp();
        assertThat(sdp).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        CertificateFingerprint parsed = CertificateFingerprint.parse(sdp);
        assertThat(parsed).isEqualTo(cert.fingerprint());
        assertThat(parsed.matches(cert.derEncoded())).isTrue();
        assertThat(CertificateFingerprint.parse("SHA-256 " + sdp.substring(8).toLowerCase()))
                .isEqualTo(parsed);
    }

    @Test
    void malformedFingerprintsAreRejected() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("md5 AB:CD"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256 ZZ:01"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256 " + "AB:".repeat(200)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void certificateIsKeptWhileValidAndRenewedAfterItsValidity() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        DtlsCertificateService service = new DtlsCertificateService(clock, Duration.ofHours(1));
        DtlsCertificate first = service.current();
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(service.current()).isSameAs(first);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(service.current().fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void answerRoleFollowsTheOfferedSetup() {
        assertThat(DtlsRole.answering("actpass")).isEqualTo(DtlsRole.SERVER);
        assertThat(DtlsRole.answering("active")).isEqualTo(DtlsRole.SERVER);
        assertThat(DtlsRole.answering("passive")).isEqualTo(DtlsRole.CLIENT);
        assertThat(DtlsRole.SERVER.setupAttribute()).isEqualTo("passive");
        assertThatThrownBy(() -> DtlsRole.answering("holdconn")).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
