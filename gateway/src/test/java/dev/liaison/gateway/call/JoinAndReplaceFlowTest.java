package dev.liaison.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Joins and replacements in the B2BUA (docs/calls.md, Transfers) with recording legs. Joins it refuses: a transferor T
 * with call 1 (X, a browser, to T1) and call 2 (Y, a browser, to T2) asks from T1 to join call 2; Y is a client leg,
 * which cannot be asked for a fresh offer, so the join is refused with 501 and both calls go on; a join naming a leg no
 * call owns is refused with 481. The joining happy path (SIP legs on both sides) is
 * {@code AttendedTransferJoinsTwoCallsThroughTheB2buaIT}. Replacements (an INVITE with {@code Replaces}): a new caller
 * with an offer takes over a side, one without is refused and the call goes on.
 */
class JoinAndReplaceFlowTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final FakeMediaPort media = new FakeMediaPort();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final FakeLeg x = new FakeLeg("x", LegKind.CLIENT);
    private final FakeLeg y = new FakeLeg("y", LegKind.CLIENT);
    private final FakeLeg t1 = new FakeLeg("t1", LegKind.SIP);
    private final FakeLeg t2 = new FakeLeg("t2", LegKind.SIP);
    private final Map<String, FakeLeg> byTarget =
            new ConcurrentHashMap<>(Map.of("sip:t1@pbx.test", t1, "sip:t2@pbx.test", t2));
    private B2bua b2bua;

    @BeforeEach
    void start() {
        LegProvider sip = new LegProvider() {
            @Override
            public LegKind kind() {
                return LegKind.SIP;
            }

            @Override
            public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
                return Optional.ofNullable(byTarget.get(target));
            }
        };
        b2bua = new B2bua(
                new CallProperties(
                        10, Duration.ofSeconds(30), Duration.ofSeconds(30), 16, List.of("sip:.*@pbx\\.test")),
                List.of(sip),
                Optional.of(media),
                scheduler,
                Clock.systemUTC(),
                null);
        b2bua.addListener(new CallEventListener() {
            @Override
            public void onCallEvent(CallEvent event) {
                events.add(event);
            }

            @Override
            public boolean accepts(String eventType) {
                return !eventType.equals("call.transfer-requested");
            }
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void joinWhoseOtherPartyIsAClientIsRefusedWith501AndBothCallsGoOn() {
        String call1 = answeredCall(x, t1, "sip:t1@pbx.test");
        String call2 = answeredCall(y, t2, "sip:t2@pbx.test");

        t1.listener().onJoinRequested(t1, "sip:gateway@pbx.test", "c2;to-tag=a;from-tag=b", t2);

        await().until(() -> t1.commands().contains("transferOutcome 501"));
        CallEvent.TransferFailed failed =
                await().until(() -> lastEvent(CallEvent.TransferFailed.class), java.util.Objects::nonNull);
        assertThat(failed.reason().code()).isEqualTo("transfer-unsupported");
        assertThat(b2bua.stateOf(call1)).contains(CallState.ANSWERED);
        assertThat(b2bua.stateOf(call2)).contains(CallState.ANSWERED);
        assertThat(List.of(x, y, t1, t2)).allSatisfy(leg -> assertThat(leg.commands())
                .noneMatch(c -> c.startsWith("hangUp") || c.startsWith("updateMedia")));
        assertThat(media.allClosed()).isFalse();

        b2bua.hangUp(call1, EndReason.NORMAL);
        b2bua.hangUp(call2, EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(media.allClosed()).isTrue();
    }

    @Test
    void joinNamingALegNoCallOwnsIsRefusedWith481AndNothingIsPublished() {
        String call1 = answeredCall(x, t1, "sip:t1@pbx.test");
        FakeLeg stray = new FakeLeg("stray", LegKind.SIP);

        t1.listener().onJoinRequested(t1, "sip:gateway@pbx.test", "c2;to-tag=a;from-tag=b", stray);

        await().until(() -> t1.commands().contains("transferOutcome 481"));
        assertThat(events).noneMatch(e -> e instanceof CallEvent.TransferRequested);
        assertThat(b2bua.stateOf(call1)).contains(CallState.ANSWERED);
        b2bua.hangUp(call1, EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(media.allClosed()).isTrue();
    }

    @Test
    void newCallerWithAnOfferTakesOverTheSideThroughTheBridgeAndTheOldLegIsHungUp() {
        String call1 = answeredCall(x, t1, "sip:t1@pbx.test");
        FakeLeg z = new FakeLeg("z", LegKind.SIP);

        b2bua.replacing(z, t1, offer("offer-z"));

        await().until(() -> x.commands().contains("updateMedia broker(B->A):offer-z"));
        await().until(() -> t1.commands().contains("hangUp normal"));
        assertThat(z.commands()).noneMatch(c -> c.startsWith("answer"));
        x.listener().onMediaAnswer(x, "answer-x");
        await().until(() -> z.commands().contains("answer broker(A->B):answer-x"));
        CallEvent.Transferred transferred =
                await().until(() -> lastEvent(CallEvent.Transferred.class), java.util.Objects::nonNull);
        assertThat(transferred.target()).isEqualTo("fake:z");
        assertThat(transferred.joinedCallId()).isEmpty();
        assertThat(b2bua.stateOf(call1)).contains(CallState.ANSWERED);

        t1.listener().onEnded(t1, EndReason.NORMAL); // the replaced leg's end is not the call's
        z.listener().onEnded(z, EndReason.NORMAL);
        await().until(() -> x.commands().contains("hangUp normal"));
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(media.allClosed()).isTrue();
        assertThat(events).filteredOn(CallEvent.Ended.class::isInstance).hasSize(1);
    }

    @Test
    void newCallerWithoutAnOfferIsRefusedWith501AndTheCallGoesOn() {
        String call1 = answeredCall(x, t1, "sip:t1@pbx.test");
        FakeLeg z = new FakeLeg("z", LegKind.SIP);

        b2bua.replacing(
                z, t1, new CallRequest("support", Optional.empty(), MediaMode.AUDIO, Optional.empty(), Map.of()));

        await().until(() -> z.commands().contains("reject 501"));
        assertThat(t1.commands()).noneMatch(c -> c.startsWith("hangUp"));
        assertThat(x.commands()).noneMatch(c -> c.startsWith("updateMedia"));
        assertThat(b2bua.stateOf(call1)).contains(CallState.ANSWERED);
        b2bua.hangUp(call1, EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(media.allClosed()).isTrue();
    }

    private static CallRequest offer(String sdp) {
        return new CallRequest("support", Optional.of(sdp), MediaMode.AUDIO, Optional.empty(), Map.of());
    }

    private String answeredCall(FakeLeg caller, FakeLeg callee, String target) {
        int before = events.size();
        b2bua.incoming(
                caller,
                new CallRequest(
                        "support", Optional.of("offer-" + caller.id()), MediaMode.AUDIO, Optional.empty(), Map.of()));
        String callId = await().until(
                        () -> events.stream()
                                .skip(before)
                                .filter(CallEvent.Incoming.class::isInstance)
                                .findFirst(),
                        Optional::isPresent)
                .get()
                .callId();
        b2bua.connect(callId, LegKind.SIP, target);
        await().until(() -> callee.listener() != null && callee.lastCommand().startsWith("start"));
        callee.listener().onAnswered(callee, "answer-" + callee.id());
        await().until(() -> b2bua.stateOf(callId).equals(Optional.of(CallState.ANSWERED)));
        return callId;
    }

    private <T extends CallEvent> T lastEvent(Class<T> type) {
        T last = null;
        for (CallEvent event : events) {
            if (type.isInstance(event)) {
                last = type.cast(event);
            }
        }
        return last;
    }
}
