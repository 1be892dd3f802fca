package dev.liaison.media.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.BridgeStatistics;
import dev.liaison.media.bridge.LegProfile;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.camel.FakeMediaBridges;
import dev.liaison.media.camel.MediaComponent;
import dev.liaison.media.ice.MutableClock;
import dev.liaison.media.leg.LegFactory;
import dev.liaison.media.transport.MuxSession;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MediaBrokerLifecycleTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(MediaBrokerConfiguration.class)
            .withPropertyValues(
                    "liaison.media.mux.bind-address=127.0.0.1",
                    "liaison.media.mux.port=0",
                    "liaison.media.sweep-interval=20ms");

    /** The test's assembly: a fake leg factory and fake bridges that register an inactivity sweep. */
    static class RecordingAssembly implements BrokerAssembly {
        final List<BrokerResources> resources = new CopyOnWriteArrayList<>();
        final AtomicInteger inactivitySweeps = new AtomicInteger();
        final List<MuxSession> consentExpired = new CopyOnWriteArrayList<>();
        final AtomicBoolean bridgesClosed = new AtomicBoolean();
        final LegFactory legs = LegFactories.unavailable("test legs");

        @Override
        public LegFactory legs(BrokerResources r) {
            resources.add(r);
            r.sweeps().onConsentExpired(consentExpired::add);
            return legs;
        }

        @Override
        public MediaBridges bridges(LegFactory legs, BrokerResources r) {
            assertThat(legs).isSameAs(this.legs);
            r.sweeps().onInactivitySweep(now -> inactivitySweeps.incrementAndGet());
            return new ClosableBridges(bridgesClosed);
        }
    }

    /** Fake bridges that say when the broker closed them. */
    static final class ClosableBridges implements MediaBridges, AutoCloseable {
        private final FakeMediaBridges fake = new FakeMediaBridges();
        private final AtomicBoolean closed;

        ClosableBridges(AtomicBoolean closed) {
            this.closed = closed;
        }

        @Override
        public String open(String callId) {
            return fake.open(callId);
        }

        @Override
        public String offer(String bridgeId, BridgeSide side, LegProfile from, LegProfile to, String sdpOffer) {
            return fake.offer(bridgeId, side, from, to, sdpOffer);
        }

        @Override
        public String answer(String bridgeId, BridgeSide side, LegProfile from, String sdpAnswer) {
            return fake.answer(bridgeId, side, from, sdpAnswer);
        }

        @Override
        public void dtmf(String bridgeId, BridgeSide side, char digit, int durationMillis) {
            fake.dtmf(bridgeId, side, digit, durationMillis);
        }

        @Override
        public BridgeStatistics statistics(String bridgeId) {
            return fake.statistics(bridgeId);
        }

        @Override
        public void close(String bridgeId) {
            fake.close(bridgeId);
        }

        @Override
        public int openCount() {
            return fake.openCount();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void theBrokerBindsSweepsAndStopsWithNothingLeft() throws Exception {
        RecordingAssembly assembly = new RecordingAssembly();
        InetSocketAddress[] bound = new InetSocketAddress[1];

        runner.withBean(BrokerAssembly.class, () -> assembly).run(context -> {
            assertThat(context).hasNotFailed();
            BrokerResources resources = assembly.resources.get(0);
            bound[0] = resources.mux().localAddress();
            assertThat(bound[0].getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(bound[0].getPort()).isPositive();
            assertThat(resources.addresses().candidates())
                    .extracting(c -> c.address() + ":" + c.port())
                    .containsExactly("127.0.0.1:" + bound[0].getPort());
            assertThat(resources.certificates().current().fingerprint()).isNotNull();
            assertThat(resources.dtls().handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(context.getBean(MediaBridges.class)).isInstanceOf(ClosableBridges.class);
            assertThat(context.getBean("media", MediaComponent.class).getBridges())
                    .isSameAs(context.getBean(MediaBridges.class));
            assertThat(context.getBean(MediaBroker.class).isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> assembly.inactivitySweeps.get() >= 3);
            assertThat(mediaThreads()).isNotEmpty();
        });

        assertThat(assembly.bridgesClosed).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> mediaThreads().isEmpty());
        try (DatagramSocket again = new DatagramSocket(bound[0])) {
            assertThat(again.getLocalPort()).isEqualTo(bound[0].getPort());
        }
    }

    @Test
    void anExpiredConsentClosesTheSessionAndReachesTheListeners() {
        RecordingAssembly assembly = new RecordingAssembly();
        MutableClock clock = new MutableClock();

        runner.withBean(BrokerAssembly.class, () -> assembly)
                .withBean(Clock.class, () -> clock)
                .run(context -> {
                    BrokerResources resources = assembly.resources.get(0);
                    MuxSession fresh = resources.mux().createSession("peer");
                    clock.advance(Duration.ofSeconds(31));
                    MuxSession late = resources.mux().createSession("peer2");

                    await().atMost(Duration.ofSeconds(5)).until(() -> assembly.consentExpired.contains(fresh));

                    assertThat(assembly.consentExpired).containsExactly(fresh);
                    assertThat(resources.mux().sessionCount()).isEqualTo(1);
                    assertThat(resources
                                    .meters()
                                    .counter("liaison.media.consent.expired")
                                    .count())
                            .isEqualTo(1.0);
                    late.close();
                    assertThat(resources.mux().sessionCount()).isZero();
                });
        assertThat(mediaThreads()).isEmpty();
    }

    @Test
    void aSweepListenerThatThrowsDoesNotStopTheSweeps() {
        AtomicInteger after = new AtomicInteger();
        BrokerAssembly throwing = new RecordingAssembly() {
            @Override
            public MediaBridges bridges(LegFactory legs, BrokerResources r) {
                r.sweeps().onInactivitySweep(now -> {
                    throw new IllegalStateException("broken sweep");
                });
                r.sweeps().onInactivitySweep(now -> after.incrementAndGet());
                return new FakeMediaBridges();
            }
        };

        runner.withBean(BrokerAssembly.class, () -> throwing).run(context -> {
            await().atMost(Duration.ofSeconds(5)).until(() -> after.get() >= 3);
            BrokerResources resources = context.getBean(MediaBroker.class).resources();
            assertThat(resources
                            .meters()
                            .counter("liaison.media.sweep.failures", "sweep", "inactivity")
                            .count())
                    .isGreaterThanOrEqualTo(3.0);
        });
        assertThat(mediaThreads()).isEmpty();
    }

    @Test
    void withoutAnAssemblyBeanTheStandardOneBridgesAPhoneToABrowserOnRealLegs() {
        String phoneOffer = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";
        runner.withPropertyValues(
                        "liaison.media.rtp.bind-address=127.0.0.1",
                        "liaison.media.rtp.port-min=31000",
                        "liaison.media.rtp.port-max=31099",
                        "liaison.media.rtp.max-legs=20")
                .run(context -> {
                    MediaBridges bridges = context.getBean(MediaBridges.class);
                    BrokerLegs legs = context.getBean(BrokerLegs.class);
                    int muxPort = context.getBean(MediaBroker.class)
                            .resources()
                            .mux()
                            .localAddress()
                            .getPort();

                    String bridge = bridges.open("call-1");
                    String toBrowser =
                            bridges.offer(bridge, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, phoneOffer);

                    assertThat(toBrowser)
                            .contains("UDP/TLS/RTP/SAVPF")
                            .contains("a=ice-lite")
                            .contains("a=fingerprint:sha-256 ")
                            .contains("127.0.0.1 " + muxPort + " typ host")
                            .contains("PCMU/8000");
                    assertThat(legs.webRtcLegs()).isEqualTo(1);
                    assertThat(legs.rtpLegs()).isEqualTo(1);
                    assertThat(bridges.openCount()).isEqualTo(1);

                    bridges.close(bridge);
                    assertThat(bridges.openCount()).isZero();
                    assertThat(legs.webRtcLegs()).isZero();
                    assertThat(legs.rtpLegs()).isZero();
                });
        assertThat(mediaThreads()).isEmpty();
    }

    @Test
    void aMediaPortInUseStopsTheStartNamingThePort() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            runner.withPropertyValues("liaison.media.mux.port=" + taken.getLocalPort())
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .hasStackTraceContaining("cannot bind the media port /127.0.0.1:" + taken.getLocalPort()));
        }
        assertThat(mediaThreads()).isEmpty();
    }

    private static List<String> mediaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("media-sweep")
                        || name.startsWith("media-mux-")
                        || name.startsWith("media-rtp-reader")
                        || name.startsWith("media-dtls-"))
                .toList();
    }
}
