package dev.liaison.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.LegMediaStatistics;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaException;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.gateway.media.MediaStatistics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A browser (side A) calling a phone (side B): its DTMF goes into the media towards the phone (the bridge's
 * {@code sendDtmf}), out of band when the bridge refuses; the phone's DTMF reaches the browser out of band; the
 * broker's counters reach the browser's leg and the {@code liaison.gateway.calls.media.*} meters.
 */
class DtmfInTheMediaAndQualityReportsTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeLeg browser = new FakeLeg("browser", LegKind.CLIENT);
    private final FakeLeg phone = new FakeLeg("phone", LegKind.SIP);
    private final ScriptedBridge bridge = new ScriptedBridge();
    private B2bua b2bua;

    /** A bridge that records DTMF, refuses it when told, and gives the statistics the test sets. */
    static final class ScriptedBridge implements MediaBridge {
        final List<String> dtmf = new CopyOnWriteArrayList<>();
        volatile String refuseDtmf;
        final AtomicReference<Object> statistics = new AtomicReference<>();
        volatile boolean closed;

        @Override
        public String offer(BridgeSide side, LegKind from, LegKind to, String sdpOffer) {
            if (sdpOffer.contains("refuse")) {
                throw new MediaException("media refused (NO_COMMON_CODEC)");
            }
            return "broker:" + sdpOffer;
        }

        @Override
        public String answer(BridgeSide side, LegKind from, String sdpAnswer) {
            return "broker:" + sdpAnswer;
        }

        @Override
        public void sendDtmf(BridgeSide side, char digit, int durationMillis) {
            if (refuseDtmf != null) {
                throw new MediaException(refuseDtmf);
            }
            dtmf.add(side + " " + digit + " " + durationMillis);
        }

        @Override
        public Optional<MediaStatistics> statistics() {
            Object value = statistics.get();
            if (value instanceof RuntimeException e) {
                throw e;
            }
            return Optional.ofNullable((MediaStatistics) value);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @BeforeEach
    void start() {
        LegProvider sip = new LegProvider() {
            @Override
            public LegKind kind() {
                return LegKind.SIP;
            }

            @Override
            public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
                return Optional.of(phone);
            }
        };
        MediaPort port = callId -> bridge;
        // an interval longer than any test: the reports here are asked for one at a time
        b2bua = new B2bua(
                new CallProperties(10, Duration.ofSeconds(30), Duration.ofSeconds(30), 16, List.of(".*")),
                new QualityProperties(Duration.ofMinutes(10)),
                List.of(sip),
                Optional.of(port),
                scheduler,
                Clock.systemUTC(),
                meters);
        b2bua.addListener(event -> {});
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theBrowsersDigitGoesIntoTheMediaTowardsThePhone() {
        String callId = answeredCall();

        browser.listener().onDtmf(browser, '5', 120);
        browser.listener().onDtmf(browser, '#', 80);

        await().until(() -> bridge.dtmf.size() == 2);
        assertThat(bridge.dtmf).containsExactly("B 5 120", "B # 80");
        assertThat(phone.commands()).noneMatch(c -> c.startsWith("dtmf"));
        hangUp(callId);
    }

    @Test
    void aRefusalOfTheBrokerFallsBackToThePhonesOwnWay() {
        String callId = answeredCall();
        bridge.refuseDtmf = "media refused (NO_TELEPHONE_EVENT): side B negotiated no telephone-event";

        browser.listener().onDtmf(browser, '7', 100);

        await().until(() -> phone.lastCommand().equals("dtmf 7"));
        assertThat(bridge.dtmf).isEmpty();
        hangUp(callId);
    }

    @Test
    void thePhonesDigitReachesTheBrowserOutOfBand() {
        String callId = answeredCall();

        phone.listener().onDtmf(phone, '3', 100);

        await().until(() -> browser.lastCommand().equals("dtmf 3"));
        assertThat(bridge.dtmf)
                .as("a browser cannot surface RFC 4733 events to the page")
                .isEmpty();
        hangUp(callId);
    }

    @Test
    void aKeyTheBrokerReadInThePhonesMediaIsPublishedOnceAndShownToTheBrowser() {
        List<CallEvent.Dtmf> published = new CopyOnWriteArrayList<>();
        b2bua.addListener(event -> {
            if (event instanceof CallEvent.Dtmf dtmf) {
                published.add(dtmf);
            }
        });
        String callId = answeredCall();

        b2bua.mediaDtmf(callId, BridgeSide.B, '4', 100);
        b2bua.mediaDtmf(callId, BridgeSide.B, '4', 120);

        await().until(() -> published.size() == 2);
        assertThat(published).extracting(CallEvent.Dtmf::digit).containsExactly('4', '4');
        assertThat(published).extracting(CallEvent.Dtmf::side).containsOnly(LegKind.SIP);
        assertThat(browser.commands()).filteredOn(c -> c.startsWith("dtmf")).containsExactly("dtmf 4", "dtmf 4");
        assertThat(bridge.dtmf)
                .as("the events went on in the media already: not generated again")
                .isEmpty();
        assertThat(phone.commands()).noneMatch(c -> c.startsWith("dtmf"));
        hangUp(callId);
    }

    @Test
    void aKeyReadInTheBrowsersMediaIsPublishedAndNotSentToThePhoneAgain() {
        List<CallEvent.Dtmf> published = new CopyOnWriteArrayList<>();
        b2bua.addListener(event -> {
            if (event instanceof CallEvent.Dtmf dtmf) {
                published.add(dtmf);
            }
        });
        String callId = answeredCall();

        b2bua.mediaDtmf(callId, BridgeSide.A, '9', 100);

        await().until(() -> published.size() == 1);
        assertThat(published.get(0).side()).isEqualTo(LegKind.CLIENT);
        assertThat(phone.commands()).noneMatch(c -> c.startsWith("dtmf"));
        assertThat(bridge.dtmf).isEmpty();
        hangUp(callId);
    }

    @Test
    void brokerCountersReachTheBrowsersLegAndTheMeters() {
        String callId = answeredCall();
        assertThat(b2bua.qualityReporter().watching()).isEqualTo(1);
        bridge.statistics.set(new MediaStatistics(
                new LegMediaStatistics(100, 16_000, 98, 15_680, 2, 4.5, 35),
                new LegMediaStatistics(99, 15_840, 100, 16_000, -1, -1, -1)));

        b2bua.reportQualityNow(callId);

        assertThat(browser.qualityReports()).containsExactly("own:100/98 SIP:99/100");
        assertThat(phone.qualityReports())
                .as("every leg is told; a SIP leg ignores it")
                .containsExactly("own:99/100 CLIENT:100/98");
        assertThat(counter("liaison.gateway.calls.media.packets.received", "client"))
                .isEqualTo(100);
        assertThat(counter("liaison.gateway.calls.media.packets.lost", "client"))
                .isEqualTo(2);
        assertThat(meters.find("liaison.gateway.calls.media.packets.lost")
                        .tag("leg", "sip")
                        .counter())
                .as("loss unknown on the phone's leg: not counted")
                .isNull();
        assertThat(meters.get("liaison.gateway.calls.media.jitter")
                        .tag("leg", "client")
                        .summary()
                        .max())
                .isEqualTo(4.5);

        bridge.statistics.set(new MediaStatistics(
                new LegMediaStatistics(350, 56_000, 348, 55_680, 5, 6.0, 40),
                new LegMediaStatistics(349, 55_840, 350, 56_000, -1, -1, -1)));
        b2bua.reportQualityNow(callId);

        assertThat(counter("liaison.gateway.calls.media.packets.received", "client"))
                .as("what the cumulative counters grew by since the last report")
                .isEqualTo(350);
        assertThat(counter("liaison.gateway.calls.media.packets.lost", "client"))
                .isEqualTo(5);
        assertThat(counter("liaison.gateway.calls.media.reports", null)).isEqualTo(2);

        bridge.statistics.set(new MediaException("broker gone"));
        b2bua.reportQualityNow(callId);
        assertThat(browser.qualityReports()).hasSize(2);
        assertThat(meters.get("liaison.gateway.calls.media.reports")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
        hangUp(callId);
    }

    @Test
    void nothingIsReportedBeforeTheAnswer() {
        bridge.statistics.set(new MediaStatistics(LegMediaStatistics.UNKNOWN, LegMediaStatistics.UNKNOWN));
        String callId = b2bua.activeCallIds().isEmpty() ? callToThePhone() : null;

        b2bua.reportQualityNow(callId);

        assertThat(browser.qualityReports()).isEmpty();
        assertThat(b2bua.qualityReporter().watching()).isZero();
        b2bua.hangUp(callId, EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(bridge.closed).isTrue();
    }

    @Test
    void aRefusedOfferReleasesTheCalledLegItNeverStarted() {
        b2bua.incoming(
                browser, new CallRequest("pbx", Optional.of("refuse-me"), MediaMode.AUDIO, Optional.empty(), Map.of()));
        await().until(() -> b2bua.activeCallIds().size() == 1);
        String callId = b2bua.activeCallIds().iterator().next();

        b2bua.connect(callId, LegKind.SIP, "sip:service@pbx.test");

        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(phone.commands())
                .as("not started, hung up so it is released")
                .containsExactly("hangUp media");
        assertThat(browser.lastCommand()).isEqualTo("hangUp media");
        assertThat(bridge.closed).isTrue();
    }

    private double counter(String name, String leg) {
        if (leg == null) {
            return meters.get(name).tag("outcome", "read").counter().count();
        }
        return meters.get(name).tag("leg", leg).counter().count();
    }

    private String callToThePhone() {
        b2bua.incoming(
                browser, new CallRequest("pbx", Optional.of("offer-A"), MediaMode.AUDIO, Optional.empty(), Map.of()));
        await().until(() -> b2bua.activeCallIds().size() == 1);
        String callId = b2bua.activeCallIds().iterator().next();
        b2bua.connect(callId, LegKind.SIP, "sip:service@pbx.test");
        await().until(() -> phone.commands().size() == 1);
        return callId;
    }

    private String answeredCall() {
        String callId = callToThePhone();
        phone.listener().onAnswered(phone, "answer-B");
        await().until(() -> b2bua.stateOf(callId).equals(Optional.of(CallState.ANSWERED)));
        await().until(() -> b2bua.qualityReporter().watching() == 1);
        return callId;
    }

    private void hangUp(String callId) {
        b2bua.hangUp(callId, EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(b2bua.qualityReporter().watching())
                .as("no call watched after the end")
                .isZero();
        assertThat(bridge.closed).isTrue();
    }
}
