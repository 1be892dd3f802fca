package dev.liaison.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.srtp.SrtpKeyingMaterial;
import dev.liaison.media.srtp.SrtpProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DTLS-SRTP against a real peer: OpenSSL's s_client and s_server, keying material compared byte for byte. */
class DtlsSrtpOpenSslInteropTest {
    private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-Fa-f]+)");

    @TempDir
    java.nio.file.Path dir;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final DtlsMetrics metrics = new DtlsMetrics(new SimpleMeterRegistry());
    private final DtlsCertificate ours = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)).current();
    private OpenSslPeer openssl;
    private Process process;

    @BeforeEach
    void openssl() {
        OpenSslPeer.requireOpenSsl();
        openssl = new OpenSslPeer(dir);
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroy();
        }
        executor.shutdownNow();
    }

    @Test
    void openSslClientNegotiatesAesCmWithOurServerAndBothExportTheSameKeys() throws Exception {
        CertificateFingerprint theirs = openssl.createCertificate();
        try (UdpLoop port = new UdpLoop()) {
            DtlsSrtpEndpoint server = new DtlsSrtpEndpoint(
                    DtlsRole.SERVER, ours, theirs, DtlsSettings.defaults(), port.sender(), executor, metrics);
            port.onDatagram(server::receive);
            server.start();
            process = openssl.client(port.port(), "SRTP_AES128_CM_SHA1_80", 60);
            SrtpKeyingMaterial keys = server.keys().get(30, TimeUnit.SECONDS);

            assertThat(keys.profile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
            byte[] exported = awaitKeyingMaterial("s_client");
            // openssl is the client: its export is client key | server key | client salt | server salt.
            assertThat(SrtpKeyingMaterial.fromDtlsExport(SrtpProfile.AES128_CM_HMAC_SHA1_80, exported, false))
                    .isEqualTo(keys);
            assertThat(openssl.output("s_client"))
                    .contains("SRTP Extension negotiated, profile=SRTP_AES128_CM_SHA1_80");
        }
    }

    @Test
    void openSslClientWithAnAeadProfileGetsIt() throws Exception {
        CertificateFingerprint theirs = openssl.createCertificate();
        try (UdpLoop port = new UdpLoop()) {
            DtlsSrtpEndpoint server = new DtlsSrtpEndpoint(
                    DtlsRole.SERVER, ours, theirs, DtlsSettings.defaults(), port.sender(), executor, metrics);
            port.onDatagram(server::receive);
            server.start();
            process = openssl.client(port.port(), "SRTP_AEAD_AES_256_GCM:SRTP_AES128_CM_SHA1_80", 88);
            SrtpKeyingMaterial keys = server.keys().get(30, TimeUnit.SECONDS);

            assertThat(keys.profile()).isEqualTo(SrtpProfile.AEAD_AES_256_GCM);
            assertThat(SrtpKeyingMaterial.fromDtlsExport(
                            SrtpProfile.AEAD_AES_256_GCM, awaitKeyingMaterial("s_client"), false))
                    .isEqualTo(keys);
        }
    }

    @Test
    void ourClientCompletesAgainstOpenSslServer() throws Exception {
        CertificateFingerprint theirs = openssl.createCertificate();
        int serverPort;
        try (DatagramSocket probe = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            serverPort = probe.getLocalPort();
        }
        process = openssl.server(serverPort, "SRTP_AES128_CM_SHA1_80", 60);
        try (UdpLoop port = new UdpLoop()) {
            port.connectTo(serverPort);
            DtlsSettings settings =
                    new DtlsSettings(Duration.ofSeconds(20), 64, 1200, List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80));
            // s_server needs a moment to bind; BC retransmits the ClientHello until it answers.
            DtlsSrtpEndpoint client =
                    new DtlsSrtpEndpoint(DtlsRole.CLIENT, ours, theirs, settings, port.sender(), executor, metrics);
            port.onDatagram(client::receive);
            SrtpKeyingMaterial keys = client.start().get(30, TimeUnit.SECONDS);
            assertThat(SrtpKeyingMaterial.fromDtlsExport(
                            SrtpProfile.AES128_CM_HMAC_SHA1_80, awaitKeyingMaterial("s_server"), true))
                    .isEqualTo(keys);
        }
    }

    @Test
    void openSslClientWithAnotherCertificateIsRejected() throws Exception {
        openssl.createCertificate();
        CertificateFingerprint somebodyElse = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1))
                .current()
                .fingerprint();
        try (UdpLoop port = new UdpLoop()) {
            DtlsSrtpEndpoint server = new DtlsSrtpEndpoint(
                    DtlsRole.SERVER, ours, somebodyElse, DtlsSettings.defaults(), port.sender(), executor, metrics);
            port.onDatagram(server::receive);
            server.start();
            process = openssl.client(port.port(), "SRTP_AES128_CM_SHA1_80", 60);
            await().atMost(Duration.ofSeconds(30)).until(() -> server.keys().isDone());
            assertThat(server.keys()).isCompletedExceptionally();
            assertThat(server.state()).isEqualTo(DtlsState.FAILED);
        }
    }

    private byte[] awaitKeyingMaterial(String mode) {
        String[] hex = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Matcher m = KEYING_MATERIAL.matcher(openssl.output(mode));
            if (m.find()) {
                hex[0] = m.group(1);
                return true;
            }
            return false;
        });
        return HexFormat.of().parseHex(hex[0]);
    }
}
