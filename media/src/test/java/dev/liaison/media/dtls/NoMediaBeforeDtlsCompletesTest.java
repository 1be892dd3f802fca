package dev.liaison.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.srtp.SrtpGate;
import dev.liaison.media.srtp.SrtpMetrics;
import dev.liaison.media.srtp.SrtpOutcome;
import dev.liaison.media.srtp.SrtpResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DTLS-SRTP end to end: RTP is refused until the handshake completes, then flows protected between the two sides. */
class NoMediaBeforeDtlsCompletesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void rtpIsDroppedBeforeTheHandshakeAndProtectedAfterIt() throws Exception {
        DtlsMetrics dtlsMetrics = new DtlsMetrics(registry);
        SrtpMetrics srtpMetrics = new SrtpMetrics(registry);
        DtlsCertificate serverCert = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)).current();
        DtlsCertificate clientCert = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)).current();
        try (UdpLoop serverPort = new UdpLoop();
                UdpLoop clientPort = new UdpLoop()) {
            clientPort.connectTo(serverPort.port());
            DtlsSrtpEndpoint server = new DtlsSrtpEndpoint(
                    DtlsRole.SERVER,
                    serverCert,
                    clientCert.fingerprint(),
                    DtlsSettings.defaults(),
                    serverPort.sender(),
                    executor,
                    dtlsMetrics);
            serverPort.onDatagram(server::receive);
            try (SrtpGate serverGate = new SrtpGate(server.start(), 8, srtpMetrics)) {
                byte[] rtp = new byte[12 + 20];
                rtp[0] = (byte) 0x80;
                rtp[11] = 1;
                assertThat(serverGate.protectRtp(rtp, 0, rtp.length).outcome()).isEqualTo(SrtpOutcome.NOT_READY);
                assertThat(serverGate.unprotectRtp(rtp, 0, rtp.length).outcome())
                        .isEqualTo(SrtpOutcome.NOT_READY);

                DtlsSrtpEndpoint client = new DtlsSrtpEndpoint(
                        DtlsRole.CLIENT,
                        clientCert,
                        serverCert.fingerprint(),
                        DtlsSettings.defaults(),
                        clientPort.sender(),
                        executor,
                        dtlsMetrics);
                clientPort.onDatagram(client::receive);
                try (SrtpGate clientGate = new SrtpGate(client.start(), 8, srtpMetrics)) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> serverGate.ready() && clientGate.ready());
                    SrtpResult sent = clientGate.protectRtp(rtp, 0, rtp.length);
                    assertThat(serverGate
                                    .unprotectRtp(sent.packet(), 0, sent.packet().length)
                                    .packet())
                            .isEqualTo(rtp);
                }
                server.close();
            }
        }
        assertThat(registry.counter(
                                "liaison.media.srtp.dropped",
                                "operation",
                                "protect",
                                "kind",
                                "rtp",
                                "outcome",
                                "NOT_READY")
                        .count())
                .isEqualTo(1.0);
    }
}
