package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallProperties;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.CallState;
import dev.liaison.gateway.call.FakeLeg;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegProvider;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.media.camel.MediaComponent;
import dev.liaison.media.camel.MediaEvents;
import dev.liaison.media.leg.LegEndReason;
import dev.liaison.routes.camel.ErrorPolicy;
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
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A browser-to-trunk call through the real back-to-back user agent whose media port is {@link CamelMediaPort}: every
 * SDP goes through {@code media:bridge}, a refusal ends the call, and a bridge the broker ends hangs the call up.
 */
class CallMediaThroughTheMediaComponentTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final RecordingMediaBridges bridges = new RecordingMediaBridges();
    private final MediaEvents mediaEvents = new MediaEvents();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final FakeLeg caller = new FakeLeg("caller", LegKind.CLIENT);
    private final FakeLeg callee = new FakeLeg("callee", LegKind.SIP);
    private CamelContext camel;
    private ProducerTemplate template;
    private B2bua b2bua;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addComponent("media", new MediaComponent(bridges, mediaEvents));
        LegProvider sip = new LegProvider() {
            @Override
            public LegKind kind() {
                return LegKind.SIP;
            }

            @Override
            public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
                return Optional.of(callee);
            }
        };
        template = camel.createProducerTemplate();
        b2bua = new B2bua(
                new CallProperties(10, Duration.ofSeconds(30), Duration.ofSeconds(30), 16, List.of(".*")),
                List.of(sip),
                Optional.of(new CamelMediaPort(() -> template)),
                scheduler,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        b2bua.addListener(events::add);
        camel.addRoutes(new ErrorPolicy());
        camel.addRoutes(new MediaEndedRoutes(b2bua));
        camel.addRoutes(new MediaPortRoutes());
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        b2bua.close();
        template.close();
        camel.close();
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(mediaEvents.listenerCount()).isZero();
    }

    @Test
    void aWebCallToTheTrunkNegotiatesThroughTheBroker() {
        String callId = answeredCall();

        assertThat(callee.commands()).first().isEqualTo("start broker(A:WEBRTC->RTP):offer-A");
        assertThat(caller.lastCommand()).isEqualTo("answer broker(B:RTP):answer-B");
        assertThat(bridges.operations).containsExactly("open " + callId, "offer A WEBRTC->RTP", "answer B RTP");

        b2bua.hangUp(callId, dev.liaison.gateway.call.EndReason.NORMAL);

        await().until(() -> caller.lastCommand().equals("hangUp normal"));
        assertNothingLeaked();
    }

    @Test
    void aRefusedOfferEndsTheCallWithTheMediaReason() {
        String callId = incoming("refuse:NO_COMMON_CODEC");

        b2bua.connect(callId, LegKind.SIP, "sip:agent@pbx.test");

        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(caller.lastCommand()).isEqualTo("hangUp media");
        assertThat(ended().reason().code()).isEqualTo("media");
        assertThat(callee.commands()).as("never started, released").containsExactly("hangUp media");
        assertNothingLeaked();
    }

    @Test
    void aBridgeTheBrokerEndsHangsUpBothSidesWithTheMediaReason() {
        String callId = answeredCall();

        mediaEvents.bridgeEnded(bridges.bridgeOf(callId), callId, LegEndReason.CONSENT_EXPIRED);

        await().until(() -> caller.lastCommand().equals("hangUp media-consent-expired"));
        await().until(() -> callee.lastCommand().equals("hangUp media-consent-expired"));
        CallEvent.Ended ended = ended();
        assertThat(ended.reason().code()).isEqualTo("media-consent-expired");
        assertNothingLeaked();
    }

    @Test
    void aBridgeEndedAfterItsCallIsIgnored() {
        String callId = answeredCall();
        String bridgeId = bridges.bridgeOf(callId);
        b2bua.hangUp(callId, dev.liaison.gateway.call.EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());

        mediaEvents.bridgeEnded(bridgeId, callId, LegEndReason.INACTIVITY);

        assertThat(camel.getRouteController()
                        .getRouteStatus(MediaEndedRoutes.ROUTE_ID)
                        .isStarted())
                .isTrue();
        assertNothingLeaked();
    }

    private String incoming(String offer) {
        b2bua.incoming(
                caller, new CallRequest("support", Optional.of(offer), MediaMode.AUDIO, Optional.empty(), Map.of()));
        await().until(() -> !events.isEmpty());
        return events.get(0).callId();
    }

    private String answeredCall() {
        String callId = incoming("offer-A");
        b2bua.connect(callId, LegKind.SIP, "sip:agent@pbx.test");
        await().until(() -> callee.commands().size() == 1);
        callee.listener().onAnswered(callee, "answer-B");
        await().until(() -> b2bua.stateOf(callId).equals(Optional.of(CallState.ANSWERED)));
        return callId;
    }

    private void assertNothingLeaked() {
        await().until(() -> b2bua.activeCallIds().isEmpty());
        await().until(() -> bridges.openCount() == 0);
        assertThat(events).filteredOn(CallEvent.Ended.class::isInstance).hasSize(1);
    }

    /** The call's end event, once published (listeners hear it after the call is no longer active). */
    private CallEvent.Ended ended() {
        await().until(() -> events.stream().anyMatch(CallEvent.Ended.class::isInstance));
        return events.stream()
                .filter(CallEvent.Ended.class::isInstance)
                .map(CallEvent.Ended.class::cast)
                .findFirst()
                .orElseThrow();
    }
}
