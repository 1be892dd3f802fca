package dev.liaison.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.srtp.SrtpKeyingMaterial;
import dev.liaison.media.srtp.SrtpProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DtlsSrtpHandshakeTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DtlsMetrics metrics = new DtlsMetrics(registry);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final DtlsCertificate serverCert =
            new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(30)).current();
    private final DtlsCertificate clientCert =
            new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(30)).current();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void serverAndClientAgreeOnProfileAndKeysOverLoopbackUdp() throws Exception {
        try (UdpLoop serverPort = new UdpLoop();
                UdpLoop clientPort = new UdpLoop()) {
            clientPort.connectTo(serverPort.port());
            DtlsSrtpEndpoint server = endpoint(
                    DtlsRole.SERVER,
                    serverCert,
                    clientCert.fingerprint(),
                    serverPort,
                    settings(List.of(SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80)));
            DtlsSrtpEndpoint client = endpoint(
                    DtlsRole.CLIENT,
                    clientCert,
                    serverCert.fingerprint(),
                    clientPort,
                    settings(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_256_GCM)));
            server.start();
            assertThat(server.state()).isEqualTo(DtlsState.HANDSHAKING);
            SrtpKeyingMaterial clientKeys = client.start().get(20, TimeUnit.SECONDS);
            SrtpKeyingMaterial serverKeys = server.keys().get(20, TimeUnit.SECONDS);

            assertThat(serverKeys.profile()).isEqualTo(SrtpProfile.AEAD_AES_256_GCM);
            assertThat(clientKeys.profile()).isEqualTo(SrtpProfile.AEAD_AES_256_GCM);
            assertThat(clientKeys.localKey()).isEqualTo(serverKeys.remoteKey());
            assertThat(clientKeys.localSalt()).isEqualTo(serverKeys.remoteSalt());
            assertThat(clientKeys.remoteKey()).isEqualTo(serverKeys.localKey());
            assertThat(clientKeys.localKey()).isNotEqualTo(clientKeys.remoteKey());
            assertThat(server.state()).isEqualTo(DtlsState.CONNECTED);
            assertThat(client.state()).isEqualTo(DtlsState.CONNECTED);
            assertThat(count("SERVER", "SUCCESS")).isEqualTo(1.0);
            server.close();
            client.close();
            assertThat(server.state()).isEqualTo(DtlsState.CLOSED);
        }
    }

    @Test
    void wrongClientFingerprintFailsTheHandshakeWithATypedErrorAndIsCounted() throws Exception {
        DtlsCertificate stranger = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)).current();
        try (UdpLoop serverPort = new UdpLoop();
                UdpLoop clientPort = new UdpLoop()) {
            clientPort.connectTo(serverPort.port());
            DtlsSrtpEndpoint server =
                    endpoint(DtlsRole.SERVER, serverCert, stranger.fingerprint(), serverPort, DtlsSettings.defaults());
            DtlsSrtpEndpoint client = endpoint(
                    DtlsRole.CLIENT,
                    clientCert,
                    serverCert.fingerprint(),
                    clientPort,
                    settings(DtlsSettings.defaults().profiles(), Duration.ofSeconds(5)));
            server.start();
            client.start();
            assertThatThrownBy(() -> server.keys().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(DtlsHandshakeException.class, e -> assertThat(e.failure())
                            .isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH));
            assertThatThrownBy(() -> client.keys().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(server.state()).isEqualTo(DtlsState.FAILED);
            assertThat(count("SERVER", "FINGERPRINT_MISMATCH")).isEqualTo(1.0);
        }
    }

    @Test
    void clientRejectsAServerWhoseCertificateIsNotTheOneInTheAnswer() throws Exception {
        DtlsCertificate stranger = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)).current();
        try (UdpLoop serverPort = new UdpLoop();
                UdpLoop clientPort = new UdpLoop()) {
            clientPort.connectTo(serverPort.port());
            DtlsSrtpEndpoint server = endpoint(
                    DtlsRole.SERVER,
                    serverCert,
                    clientCert.fingerprint(),
                    serverPort,
                    settings(DtlsSettings.defaults().profiles(), Duration.ofSeconds(5)));
            DtlsSrtpEndpoint client =
                    endpoint(DtlsRole.CLIENT, clientCert, stranger.fingerprint(), clientPort, DtlsSettings.defaults());
            server.start();
            client.start();
            assertThatThrownBy(() -> client.keys().get(20, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(DtlsHandshakeException.class, e -> assertThat(e.failure())
                            .isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH));
            assertThat(count("CLIENT", "FINGERPRINT_MISMATCH")).isEqualTo(1.0);
        }
    }

    @Test
    void garbageAndTruncatedRecordsNeverBreakTheServer() throws Exception {
        try (UdpLoop serverPort = new UdpLoop();
                UdpLoop clientPort = new UdpLoop()) {
            clientPort.connectTo(serverPort.port());
            DtlsSrtpEndpoint server = endpoint(
                    DtlsRole.SERVER, serverCert, clientCert.fingerprint(), serverPort, DtlsSettings.defaults());
            server.start();
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[random.nextInt(40)];
                random.nextBytes(junk);
                if (junk.length > 0) {
                    junk[0] = 22; // handshake content type
                }
                server.receive(junk);
            }
            // a record header announcing more bytes than it carries
            server.receive(new byte[] {22, (byte) 0xfe, (byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 1, 0});
            server.receive(new byte[0]);
            server.receive(new byte[5000]);
            assertThat(server.state()).isEqualTo(DtlsState.HANDSHAKING);

            DtlsSrtpEndpoint client = endpoint(
                    DtlsRole.CLIENT, clientCert, serverCert.fingerprint(), clientPort, DtlsSettings.defaults());
            client.start().get(20, TimeUnit.SECONDS);
            assertThat(server.keys().get(20, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
            assertThat(registry.counter("liaison.media.dtls.inbound.dropped", "reason", "OVERSIZE")
                            .count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void serverGivesUpWhenNoClientHelloArrivesInTime() throws Exception {
        try (UdpLoop serverPort = new UdpLoop()) {
            DtlsSrtpEndpoint server = endpoint(
                    DtlsRole.SERVER,
                    serverCert,
                    clientCert.fingerprint(),
                    serverPort,
                    settings(DtlsSettings.defaults().profiles(), Duration.ofMillis(500)));
            server.start();
            assertThatThrownBy(() -> server.keys().get(20, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(DtlsHandshakeException.class, e -> assertThat(e.failure())
                            .isEqualTo(DtlsFailure.TIMEOUT));
            assertThat(server.state()).isEqualTo(DtlsState.FAILED);
        }
    }

    @Test
    void noCommonSrtpProfileFailsTheHandshake() throws Exception {
        try (UdpLoop serverPort = new UdpLoop();
                UdpLoop clientPort = new UdpLoop()) {
            clientPort.connectTo(serverPort.port());
            DtlsSrtpEndpoint server = endpoint(
                    DtlsRole.SERVER,
                    serverCert,
                    clientCert.fingerprint(),
                    serverPort,
                    settings(List.of(SrtpProfile.AEAD_AES_128_GCM), Duration.ofSeconds(10)));
            DtlsSrtpEndpoint client = endpoint(
                    DtlsRole.CLIENT,
                    clientCert,
                    serverCert.fingerprint(),
                    clientPort,
                    settings(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80), Duration.ofSeconds(5)));
            server.start();
            client.start();
            assertThatThrownBy(() -> server.keys().get(20, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(DtlsHandshakeException.class, e -> assertThat(e.failure())
                            .isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE));
        }
    }

    private double count(String role, String outcome) {
        return registry.counter("liaison.media.dtls.handshakes", "role", role, "outcome", outcome)
                .count();
    }

    private DtlsSrtpEndpoint endpoint(
            DtlsRole role, DtlsCertificate cert, CertificateFingerprint remote, UdpLoop port, DtlsSettings settings) {
        DtlsSrtpEndpoint endpoint =
                new DtlsSrtpEndpoint(role, cert, remote, settings, port.sender(), executor, metrics);
        port.onDatagram(endpoint::receive);
        return endpoint;
    }

    private static DtlsSettings settings(List<SrtpProfile> profiles) {
        return settings(profiles, Duration.ofSeconds(10));
    }

    private static DtlsSettings settings(List<SrtpProfile> profiles, Duration timeout) {
        return new DtlsSettings(timeout, 64, 1200, profiles);
    }
}
