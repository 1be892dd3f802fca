package dev.liaison.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls the node places itself ({@link B2bua#originate}, callbacks): the origin side offers held media, the called
 * side's answer, busy and renegotiation are handled as for any call, and refused targets never create a call.
 */
class OriginatedCallFlowTest {

    private static final CallRequest CALLBACK =
            new CallRequest("callback:42", Optional.empty(), MediaMode.AUDIO, Optional.of("corr-1"), Map.of());

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final FakeMediaPort media = new FakeMediaPort();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final FakeLeg callee = new FakeLeg("customer", LegKind.SIP);
    private final B2bua b2bua = new B2bua(
            new CallProperties(
                    1, Duration.ofSeconds(30), Duration.ofSeconds(30), 16, List.of("sip:\\+1\\d+@pbx\\.test")),
            List.of(new LegProvider() {
                @Override
                public LegKind kind() {
                    return LegKind.SIP;
                }

                @Override
                public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
                    return Optional.of(callee);
                }
            }),
            Optional.of(media),
            scheduler,
            Clock.systemUTC(),
            null);

    {
        b2bua.addListener(events::add);
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anOriginatedCallOffersHeldMediaIsAnsweredRenegotiatedAndHungUp() {
        b2bua.originate("cb-1", CALLBACK, LegKind.SIP, "sip:+14155550100@pbx.test");

        await().until(() -> callee.lastCommand().startsWith("start broker(A->B):"));
        assertThat(callee.lastCommand()).contains("a=inactive").contains("c=IN IP4 0.0.0.0");
        callee.listener().onRinging(callee, Optional.empty());
        callee.listener().onAnswered(callee, "answer-B");
        await().until(() -> b2bua.stateOf("cb-1").equals(Optional.of(CallState.ANSWERED)));

        callee.listener().onMediaOffer(callee, "v=0\r\nm=audio 4000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n");
        await().until(() -> callee.lastCommand().startsWith("answerMediaUpdate"));
        assertThat(callee.lastCommand()).contains("m=audio 9 RTP/AVP 0 101").contains("a=inactive");

        b2bua.hangUp("cb-1", EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(events.stream().map(CallEvent::type))
                .as("no call.incoming for a call the node placed")
                .containsExactly("call.ringing", "call.answered", "call.media-changed", "call.ended");
        assertThat(media.allClosed()).isTrue();
    }

    @Test
    void aBusyCustomerEndsTheOriginatedCallWithBusy() {
        b2bua.originate("cb-2", CALLBACK, LegKind.SIP, "sip:+14155550100@pbx.test");
        await().until(() -> callee.listener() != null && callee.lastCommand().startsWith("start"));

        callee.listener().onEnded(callee, EndReason.BUSY);

        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(((CallEvent.Ended) events.get(events.size() - 1)).reason()).isEqualTo(EndReason.BUSY);
    }

    @Test
    void targetsOutsideTheRuleKindsWithoutLegsAndTheCallLimitAreRefusedBeforeAnyCallExists() {
        assertThatThrownBy(() -> b2bua.originate("cb-3", CALLBACK, LegKind.SIP, "sip:+4930123@pbx.test"))
                .isInstanceOf(TargetNotAllowedException.class);
        assertThatThrownBy(() -> b2bua.originate("cb-3", CALLBACK, LegKind.CLIENT, "session-1"))
                .isInstanceOf(NoLegProviderException.class);
        assertThat(b2bua.activeCallIds()).isEmpty();

        b2bua.originate("cb-4", CALLBACK, LegKind.SIP, "sip:+14155550100@pbx.test");
        assertThatThrownBy(() -> b2bua.originate("cb-5", CALLBACK, LegKind.SIP, "sip:+14155550101@pbx.test"))
                .isInstanceOfSatisfying(
                        CallRefusedException.class,
                        e -> assertThat(e.reason().code()).isEqualTo("unavailable"));
        b2bua.hangUp("cb-4", EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(media.allClosed()).isTrue();
    }
}
