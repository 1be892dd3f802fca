package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.MediaMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stack host binds UDP and TCP on one ephemeral port for {@code port: 0}, releases it on stop, and can be off. */
class SipStackHostLifecycleTest {

    @Test
    void portZeroBindsOneEphemeralPortForUdpAndTcpAndStopReleasesIt() throws Exception {
        SipStackHost host = new SipStackHost(
                SipTrunkFixture.properties(List.of("127.0.0.1"), Duration.ofSeconds(30)),
                Optional::empty,
                new SimpleMeterRegistry(),
                Clock.systemUTC());
        host.start();
        int port = host.udpPort();
        assertThat(host.isRunning()).isTrue();
        assertThat(port).isPositive();
        assertThat(host.tcpPort()).isEqualTo(port);

        host.stop();

        assertThat(host.isRunning()).isFalse();
        assertThat(host.udpPort()).isEqualTo(-1);
        try (DatagramSocket rebind =
                new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            assertThat(rebind.getLocalPort()).as("UDP port released").isEqualTo(port);
        }
    }

    @Test
    void disabledTrunkDoesNotStartAndMakesNoLegs() {
        SipProperties p = SipTrunkFixture.properties(List.of("127.0.0.1"), Duration.ofSeconds(30));
        SipProperties disabled = new SipProperties(
                false,
                p.bindAddress(),
                p.advertisedAddress(),
                p.port(),
                p.tlsPort(),
                p.tlsKeyStore(),
                p.tlsKeyStorePassword(),
                p.trunkPeers(),
                p.outboundProxy(),
                p.username(),
                p.realm(),
                p.password(),
                p.noAnswerTimeout(),
                p.maxInvitesPerSecondPerSource(),
                p.maxConcurrentCalls(),
                p.maxMessageSize(),
                p.sessionTimerInterval(),
                p.timerT1(),
                p.threadPoolSize());
        SipStackHost host = new SipStackHost(disabled, Optional::empty, new SimpleMeterRegistry(), Clock.systemUTC());
        host.start();

        assertThat(host.isRunning()).isFalse();
        CallRequest request = new CallRequest("support", Optional.empty(), MediaMode.AUDIO, Optional.empty(), Map.of());
        assertThat(new SipLegProvider(host).createOutbound("sip:service@127.0.0.1:5099", "call-1", request))
                .isEmpty();
        host.stop();
    }

    @Test
    void targetsOutsideTheTrunkPeersAreNotCalledWithoutAnOutboundProxy() {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            CallRequest request = SipTestData.request();
            assertThat(trunk.legProvider().createOutbound("sip:someone@192.0.2.99", "call-1", request))
                    .isEmpty();
            assertThat(trunk.legProvider().createOutbound("+15551234567", "call-2", request))
                    .as("a number needs an outbound proxy")
                    .isEmpty();
            assertThat(trunk.legProvider().createOutbound("tel:+15551234567", "call-3", request))
                    .isEmpty();
            assertThat(trunk.host.legs().all()).isEmpty();
        }
    }
}
