package dev.liaison.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Call flows through the back-to-back user agent with recording legs and a recognisable media broker double. */
class BridgedCallFlowTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final FakeMediaPort media = new FakeMediaPort();
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeLeg caller = new FakeLeg("caller", LegKind.CLIENT);
    private final FakeLeg callee = new FakeLeg("callee", LegKind.SIP);
    /** The transfer target: the leg created once the callee has been started. */
    private final FakeLeg transferTarget = new FakeLeg("transfer-target", LegKind.SIP);

    private B2bua b2bua;
    /** The Replaces value the SIP provider was last asked to put in a new leg's INVITE. */
    private volatile String replacing;

    @BeforeEach
    void start() {
        b2bua = newB2bua(new CallProperties(
                10, Duration.ofSeconds(30), Duration.ofSeconds(30), 16, List.of("sip:\\+4420\\d+@pbx\\.test")));
        b2bua.addListener(recorder());
    }

    /** Records every event and takes none: transfer requests are decided by the gateway unless a test routes them. */
    private CallEventListener recorder() {
        return new CallEventListener() {
            @Override
            public void onCallEvent(CallEvent event) {
                events.add(event);
            }

            @Override
            public boolean accepts(String eventType) {
                return false;
            }
        };
    }

    private B2bua newB2bua(CallProperties properties) {
        LegProvider sip = new LegProvider() {
            @Override
            public LegKind kind() {
                return LegKind.SIP;
            }

            @Override
            public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
                if (target.contains("unknown")) {
                    return Optional.empty();
                }
                return Optional.of(callee.state() == LegState.NEW ? callee : transferTarget);
            }

            @Override
            public boolean canReplaceDialogs() {
                return true;
            }

            @Override
            public Optional<CallLeg> createReplacing(
                    String target, String callId, CallRequest request, String replaces) {
                replacing = replaces;
                return createOutbound(target, callId, request);
            }
        };
        LegProvider clients = new LegProvider() {
            @Override
            public LegKind kind() {
                return LegKind.CLIENT;
            }

            @Override
            public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
                return Optional.of(new FakeLeg(target, LegKind.CLIENT));
            }
        };
        return new B2bua(properties, List.of(sip, clients), Optional.of(media), scheduler, Clock.systemUTC(), meters);
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void webCallToSipIsBridgedAnsweredAndHungUpByTheFarEnd() {
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> callee.lastCommand().equals("start broker(A->B):offer-A"));

        callee.listener().onRinging(callee, Optional.empty());
        await().until(() -> caller.lastCommand().equals("ringing <no sdp>"));
        callee.listener().onAnswered(callee, "answer-B");
        await().until(() -> caller.lastCommand().equals("answer broker(B->A):answer-B"));
        assertThat(b2bua.stateOf(callId)).contains(CallState.ANSWERED);

        callee.listener().onEnded(callee, EndReason.NORMAL);
        await().until(() -> caller.lastCommand().equals("hangUp normal"));
        assertThat(callee.commands()).noneMatch(c -> c.startsWith("hangUp"));
        assertThat(eventTypes()).containsExactly("call.incoming", "call.ringing", "call.answered", "call.ended");
        assertThat(meters.get("liaison.gateway.calls.setup").timer().count()).isEqualTo(1);
        assertNothingLeaked();
    }

    @Test
    void callerHangingUpEndsTheAnsweredFarEnd() {
        String callId = answeredCall();
        caller.listener().onEnded(caller, EndReason.NORMAL);
        await().until(() -> callee.lastCommand().equals("hangUp normal"));
        CallEvent.Ended ended = lastEvent(CallEvent.Ended.class);
        assertThat(ended.callId()).isEqualTo(callId);
        assertThat(ended.endedBy()).contains(LegKind.CLIENT);
        assertNothingLeaked();
    }

    @Test
    void busyFarEndEndsTheCallerWithBusy() {
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> callee.commands().size() == 1);
        callee.listener().onEnded(callee, EndReason.fromSipStatus(486, "Busy Here"));
        await().until(() -> caller.lastCommand().equals("hangUp busy"));
        assertNothingLeaked();
    }

    @Test
    void farEndThatNeverAnswersIsCancelledAtTheAnswerTimeout() {
        stopDefaultAndUse(new CallProperties(10, Duration.ofSeconds(30), Duration.ofMillis(200), 16, List.of(".*")));
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:anyone@pbx.test");
        await().atMost(Duration.ofSeconds(5)).until(() -> callee.lastCommand().equals("hangUp no-answer"));
        assertThat(caller.lastCommand()).isEqualTo("hangUp no-answer");
        assertNothingLeaked();
    }

    @Test
    void callThatNoRouteConnectsEndsAtTheRoutingTimeout() {
        stopDefaultAndUse(new CallProperties(10, Duration.ofMillis(200), Duration.ofSeconds(30), 16, List.of()));
        callFromBrowser(Optional.of("offer-A"));
        await().atMost(Duration.ofSeconds(5)).until(() -> caller.lastCommand().equals("hangUp routing-timeout"));
        assertNothingLeaked();
    }

    @Test
    void offerlessCallGetsTheFarEndsOfferAndReturnsTheCallersAnswer() {
        String callId = callFromBrowser(Optional.empty());
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> callee.lastCommand().equals("start <no offer>"));
        callee.listener().onAnswered(callee, "offer-B");
        await().until(() -> caller.lastCommand().equals("answer broker(B->A):offer-B"));
        caller.listener().onMediaAnswer(caller, "answer-A");
        await().until(() -> callee.lastCommand().equals("answerMediaUpdate broker(A->B):answer-A"));
        hangUpAndCheck(callId);
    }

    @Test
    void holdAndResumeFromTheFarEndAreRelayedAsMediaUpdates() {
        String callId = answeredCall();
        callee.listener().onMediaOffer(callee, "v=0\r\nc=IN IP4 192.0.2.1\r\na=sendonly\r\n");
        await().until(() -> caller.lastCommand().startsWith("updateMedia broker(B->A):"));
        caller.listener().onMediaAnswer(caller, "recvonly-answer");
        await().until(() -> callee.lastCommand().equals("answerMediaUpdate broker(A->B):recvonly-answer"));
        assertThat(lastEvent(CallEvent.MediaChanged.class).onHold()).isTrue();

        callee.listener().onMediaOffer(callee, "v=0\r\na=sendrecv\r\n");
        await().until(() -> caller.lastCommand().equals("updateMedia broker(B->A):v=0\r\na=sendrecv\r\n"));
        caller.listener().onMediaAnswer(caller, "sendrecv-answer");
        await().until(() -> callee.lastCommand().equals("answerMediaUpdate broker(A->B):sendrecv-answer"));
        assertThat(lastEvent(CallEvent.MediaChanged.class).onHold()).isFalse();
        hangUpAndCheck(callId);
    }

    @Test
    void secondReOfferWaitsUntilTheFirstIsAnswered() {
        String callId = answeredCall();
        callee.listener().onMediaOffer(callee, "hold-B");
        caller.listener().onMediaOffer(caller, "hold-A");
        await().until(() -> caller.lastCommand().equals("updateMedia broker(B->A):hold-B"));
        assertThat(callee.commands()).noneMatch(c -> c.startsWith("updateMedia"));
        caller.listener().onMediaAnswer(caller, "ok-A");
        await().until(() -> callee.lastCommand().equals("updateMedia broker(A->B):hold-A"));
        assertThat(callee.commands()).contains("answerMediaUpdate broker(A->B):ok-A");
        hangUpAndCheck(callId);
    }

    @Test
    void dtmfIsRelayedToTheOtherSide() {
        String callId = answeredCall();
        caller.listener().onDtmf(caller, '5', 100);
        await().until(() -> callee.lastCommand().equals("dtmf 5"));
        assertThat(lastEvent(CallEvent.Dtmf.class).digit()).isEqualTo('5');
        hangUpAndCheck(callId);
    }

    @Test
    void muteIsRelayedToTheOtherSide() {
        String callId = answeredCall();
        caller.listener().onMuteChanged(caller, true, false);
        await().until(() -> callee.lastCommand().equals("remoteMute audio=true video=false"));
        hangUpAndCheck(callId);
    }

    @Test
    void sipTargetOutsideTheAllowListIsRefused() {
        String callId = callFromBrowser(Optional.of("offer-A"));
        assertThatThrownBy(() -> b2bua.connect(callId, LegKind.SIP, "sip:+19005551234@pbx.test"))
                .isInstanceOf(TargetNotAllowedException.class)
                .hasMessageContaining("+19005551234");
        assertThat(callee.commands()).isEmpty();
        b2bua.reject(callId, EndReason.FORBIDDEN);
        await().until(() -> caller.lastCommand().equals("hangUp forbidden"));
        assertNothingLeaked();
    }

    @Test
    void unreachableTargetEndsTheCallWithNotFound() {
        stopDefaultAndUse(new CallProperties(10, Duration.ofSeconds(30), Duration.ofSeconds(30), 16, List.of(".*")));
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:unknown@pbx.test");
        await().until(() -> caller.lastCommand().equals("hangUp not-found"));
        assertNothingLeaked();
    }

    @Test
    void offerTheMediaBrokerRefusesEndsTheCallWith488() {
        String callId = callFromBrowser(Optional.of("refuse-this"));
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> caller.lastCommand().equals("hangUp media"));
        assertThat(callee.commands())
                .as("never started, hung up so the leg is released (a SIP leg in NEW leaves its registry)")
                .containsExactly("hangUp media");
        assertNothingLeaked();
    }

    @Test
    void callsWithNoRouteListeningAreRejected() {
        B2bua noRoutes = newB2bua(CallProperties.defaults());
        noRoutes.incoming(caller, request(Optional.of("offer-A")));
        assertThat(caller.lastCommand()).isEqualTo("reject 404");
        assertThat(noRoutes.activeCallIds()).isEmpty();
    }

    @Test
    void callsBeyondTheLimitAreRefusedWith503() {
        stopDefaultAndUse(new CallProperties(1, Duration.ofSeconds(30), Duration.ofSeconds(30), 16, List.of()));
        String first = callFromBrowser(Optional.of("offer-A"));
        FakeLeg second = new FakeLeg("second", LegKind.CLIENT);
        b2bua.incoming(second, request(Optional.of("offer-2")));
        assertThat(second.lastCommand()).isEqualTo("reject 503");
        b2bua.hangUp(first, EndReason.NORMAL);
        await().until(() -> b2bua.activeCallIds().isEmpty());
    }

    @Test
    void closingTheGatewayEndsEveryCall() {
        answeredCall();
        b2bua.close();
        await().until(() -> caller.lastCommand().equals("hangUp shutdown"));
        assertThat(callee.lastCommand()).isEqualTo("hangUp shutdown");
        assertNothingLeaked();
        FakeLeg late = new FakeLeg("late", LegKind.CLIENT);
        b2bua.incoming(late, request(Optional.empty()));
        assertThat(late.lastCommand()).isEqualTo("reject 503");
    }

    @Test
    void commandsForUnknownCallsFailWithCallNotFound() {
        assertThatThrownBy(() -> b2bua.hangUp("nope", EndReason.NORMAL)).isInstanceOf(CallNotFoundException.class);
    }

    // ---- helpers

    private void stopDefaultAndUse(CallProperties properties) {
        b2bua = newB2bua(properties);
        b2bua.addListener(recorder());
    }

    private String callFromBrowser(Optional<String> offer) {
        b2bua.incoming(caller, request(offer));
        await().until(() -> !events.isEmpty());
        CallEvent.Incoming incoming = (CallEvent.Incoming) events.get(0);
        assertThat(incoming.request().destination()).isEqualTo("support");
        assertThat(incoming.callerKind()).isEqualTo(LegKind.CLIENT);
        return incoming.callId();
    }

    @Test
    void blindTransferReplacesTheTransferorAndRenegotiatesTheRemainingSide() {
        String callId = answeredCall();
        callee.listener().onTransferRequested(callee, "sip:+442079990000@pbx.test", Optional.empty());
        await().until(() -> transferTarget.lastCommand().equals("start <no offer>"));
        CallEvent.TransferRequested requested = lastEvent(CallEvent.TransferRequested.class);
        assertThat(requested.destination()).isEqualTo("+442079990000");
        assertThat(requested.side()).isEqualTo(LegKind.SIP);

        transferTarget.listener().onRinging(transferTarget, Optional.empty());
        transferTarget.listener().onAnswered(transferTarget, "offer-C");
        await().until(() -> caller.lastCommand().equals("updateMedia broker(B->A):offer-C"));
        await().until(() -> callee.lastCommand().equals("hangUp normal"));
        assertThat(callee.commands()).containsSubsequence("transferOutcome 200", "hangUp normal");
        caller.listener().onMediaAnswer(caller, "answer-A");
        await().until(() -> transferTarget.lastCommand().equals("answerMediaUpdate broker(A->B):answer-A"));
        assertThat(lastEvent(CallEvent.Transferred.class).target()).isEqualTo("sip:+442079990000@pbx.test");

        // The old leg's end is not the call's; the new leg is side B now.
        callee.listener().onEnded(callee, EndReason.NORMAL);
        transferTarget.listener().onDtmf(transferTarget, '7', 100);
        await().until(() -> caller.lastCommand().equals("dtmf 7"));
        assertThat(b2bua.stateOf(callId)).contains(CallState.ANSWERED);
        transferTarget.listener().onEnded(transferTarget, EndReason.NORMAL);
        await().until(() -> caller.lastCommand().equals("hangUp normal"));
        assertThat(eventTypes())
                .containsSubsequence("call.answered", "call.transfer-requested", "call.transferred", "call.ended");
        assertNothingLeaked();
    }

    @Test
    void transferToABusyTargetIsReportedAndTheCallGoesOn() {
        String callId = answeredCall();
        callee.listener().onTransferRequested(callee, "sip:+442079990000@pbx.test", Optional.empty());
        await().until(() -> transferTarget.lastCommand().equals("start <no offer>"));
        transferTarget.listener().onEnded(transferTarget, EndReason.BUSY);
        await().until(() -> callee.lastCommand().equals("transferOutcome 486"));
        assertThat(lastEvent(CallEvent.TransferFailed.class).reason()).isEqualTo(EndReason.BUSY);
        assertThat(caller.commands()).noneMatch(c -> c.startsWith("updateMedia"));

        // The original call is intact: media still flows between A and B.
        caller.listener().onDtmf(caller, '1', 100);
        await().until(() -> callee.lastCommand().equals("dtmf 1"));
        hangUpAndCheck(callId);
    }

    @Test
    void transferToATargetOutsideTheAllowListIsRefusedWith403AndNothingIsDialled() {
        String callId = answeredCall();
        callee.listener().onTransferRequested(callee, "sip:+19005551234@pbx.test", Optional.empty());
        await().until(() -> callee.lastCommand().equals("transferOutcome 403"));
        assertThat(transferTarget.commands()).isEmpty();
        assertThat(lastEvent(CallEvent.TransferFailed.class).reason()).isEqualTo(EndReason.FORBIDDEN);
        assertThat(b2bua.stateOf(callId)).contains(CallState.ANSWERED);
        hangUpAndCheck(callId);
    }

    @Test
    void routesResolveTheTransferTargetAndMayRefuseIt() {
        b2bua.addListener(new CallEventListener() {
            @Override
            public void onCallEvent(CallEvent event) {
                if (event instanceof CallEvent.TransferRequested request) {
                    if (request.destination().equals("sales")) {
                        b2bua.transfer(request.callId(), LegKind.SIP, "sip:+442071110000@pbx.test");
                    } else {
                        b2bua.refuseTransfer(request.callId(), EndReason.NOT_FOUND);
                    }
                }
            }

            @Override
            public boolean accepts(String eventType) {
                return eventType.equals("call.transfer-requested");
            }
        });
        String callId = answeredCall();
        callee.listener().onTransferRequested(callee, "sip:nobody@liaison.test", Optional.empty());
        await().until(() -> callee.lastCommand().equals("transferOutcome 404"));

        callee.listener().onTransferRequested(callee, "sip:sales@liaison.test", Optional.empty());
        await().until(() -> transferTarget.lastCommand().equals("start <no offer>"));
        transferTarget.listener().onAnswered(transferTarget, "offer-C");
        await().until(() -> callee.lastCommand().equals("hangUp normal"));
        assertThat(lastEvent(CallEvent.Transferred.class).target()).isEqualTo("sip:+442071110000@pbx.test");
        caller.listener().onMediaAnswer(caller, "answer-A");
        await().until(() -> transferTarget.lastCommand().equals("answerMediaUpdate broker(A->B):answer-A"));
        b2bua.hangUp(callId, EndReason.NORMAL);
        await().until(() -> transferTarget.lastCommand().equals("hangUp normal"));
        assertNothingLeaked();
    }

    @Test
    void blindTransferWhoseTransferorHungUpEndsTheCallWhenTheTargetFails() {
        answeredCall();
        callee.listener().onTransferRequested(callee, "sip:+442079990000@pbx.test", Optional.empty());
        await().until(() -> transferTarget.lastCommand().equals("start <no offer>"));
        callee.listener().onEnded(callee, EndReason.NORMAL);
        caller.listener().onDtmf(caller, '3', 100);
        transferTarget.listener().onEnded(transferTarget, EndReason.NO_ANSWER);
        await().until(() -> caller.lastCommand().equals("hangUp transfer-failed"));
        assertThat(callee.commands()).noneMatch(c -> c.startsWith("transferOutcome"));
        assertThat(lastEvent(CallEvent.Ended.class).reason().sipStatus()).isEqualTo(480);
        assertNothingLeaked();
    }

    @Test
    void attendedTransferCallsTheTargetWithTheDialogToReplaceAndSwapsLikeABlindOne() {
        String callId = answeredCall();
        callee.listener()
                .onTransferRequested(
                        callee, "sip:+442079990000@pbx.test", Optional.of("other@pbx.test;to-tag=1;from-tag=2"));
        await().until(() -> transferTarget.lastCommand().equals("start <no offer>"));
        assertThat(replacing).isEqualTo("other@pbx.test;to-tag=1;from-tag=2");
        assertThat(lastEvent(CallEvent.TransferRequested.class).replaces())
                .contains("other@pbx.test;to-tag=1;from-tag=2");

        transferTarget.listener().onAnswered(transferTarget, "offer-C");
        await().until(() -> caller.lastCommand().equals("updateMedia broker(B->A):offer-C"));
        await().until(() -> callee.lastCommand().equals("hangUp normal"));
        assertThat(callee.commands()).containsSubsequence("transferOutcome 200", "hangUp normal");
        caller.listener().onMediaAnswer(caller, "answer-A");
        await().until(() -> transferTarget.lastCommand().equals("answerMediaUpdate broker(A->B):answer-A"));
        assertThat(lastEvent(CallEvent.Transferred.class).target()).isEqualTo("sip:+442079990000@pbx.test");
        callee.listener().onEnded(callee, EndReason.NORMAL);
        transferTarget.listener().onEnded(transferTarget, EndReason.NORMAL);
        await().until(() -> caller.lastCommand().equals("hangUp normal"));
        assertThat(b2bua.stateOf(callId)).isEmpty();
        assertNothingLeaked();
    }

    @Test
    void attendedTransferToATargetOutsideTheAllowListIsRefusedWith403() {
        String callId = answeredCall();
        callee.listener()
                .onTransferRequested(
                        callee, "sip:+19005551234@pbx.test", Optional.of("other@pbx.test;to-tag=1;from-tag=2"));
        await().until(() -> callee.lastCommand().equals("transferOutcome 403"));
        assertThat(transferTarget.commands()).isEmpty();
        assertThat(replacing).isNull();
        hangUpAndCheck(callId);
    }

    @Test
    void attendedTransferToATargetKindThatCannotReplaceADialogIsRefusedWith501() {
        b2bua.addListener(new CallEventListener() {
            @Override
            public void onCallEvent(CallEvent event) {
                if (event instanceof CallEvent.TransferRequested request) {
                    b2bua.transfer(request.callId(), LegKind.CLIENT, "agent-session-1");
                }
            }

            @Override
            public boolean accepts(String eventType) {
                return eventType.equals("call.transfer-requested");
            }
        });
        String callId = answeredCall();
        callee.listener()
                .onTransferRequested(callee, "sip:agent@pbx.test", Optional.of("other@pbx.test;to-tag=1;from-tag=2"));
        await().until(() -> events.stream().anyMatch(CallEvent.TransferFailed.class::isInstance));
        CallEvent.TransferFailed failed = lastEvent(CallEvent.TransferFailed.class);
        assertThat(failed.reason().sipStatus()).isEqualTo(501);
        assertThat(failed.target()).isEqualTo("agent-session-1");
        await().until(() -> callee.lastCommand().equals("transferOutcome 501"));
        assertThat(transferTarget.commands()).isEmpty();
        hangUpAndCheck(callId);
    }

    @Test
    void earlyOfferFromTheFarEndIsRelayedWhenTheCallerCanTakeOne() {
        caller.takeEarlyOffers(true);
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> callee.commands().size() == 1);
        callee.listener().onRinging(callee, Optional.of("early-B"));
        await().until(() -> caller.lastCommand().equals("ringing broker(B->A):early-B"));
        callee.listener().onMediaOffer(callee, "early-update-B");
        await().until(() -> caller.lastCommand().equals("updateMedia broker(B->A):early-update-B"));
        caller.listener().onMediaAnswer(caller, "early-answer-A");
        await().until(() -> callee.lastCommand().equals("answerMediaUpdate broker(A->B):early-answer-A"));
        assertThat(callee.commands()).noneMatch(c -> c.startsWith("refuseMediaUpdate"));
        callee.listener().onAnswered(callee, "answer-B");
        await().until(() -> caller.lastCommand().equals("answer broker(B->A):answer-B"));
        hangUpAndCheck(callId);
    }

    @Test
    void earlyOfferFromTheCallerIsRelayedAndAnAnswerMeanwhileWaitsForIt() {
        callee.takeEarlyOffers(true);
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> callee.commands().size() == 1);
        callee.listener().onRinging(callee, Optional.of("early-B"));
        caller.listener().onMediaOffer(caller, "early-update-A");
        await().until(() -> callee.lastCommand().equals("updateMedia broker(A->B):early-update-A"));
        // The called side answers before it answered the early offer: the answer waits for that exchange.
        callee.listener().onAnswered(callee, "answer-B");
        callee.listener().onMediaAnswer(callee, "early-answer-B");
        await().until(() -> caller.lastCommand().equals("answer broker(B->A):answer-B"));
        assertThat(caller.commands())
                .containsSubsequence("answerMediaUpdate broker(B->A):early-answer-B", "answer broker(B->A):answer-B");
        assertThat(b2bua.stateOf(callId)).contains(CallState.ANSWERED);
        hangUpAndCheck(callId);
    }

    @Test
    void earlyOfferTheOtherSideRefusesIsRefusedToTheOfferer() {
        caller.takeEarlyOffers(true);
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> callee.commands().size() == 1);
        callee.listener().onRinging(callee, Optional.of("early-B"));
        callee.listener().onMediaOffer(callee, "early-update-B");
        await().until(() -> caller.lastCommand().startsWith("updateMedia"));
        caller.listener().onMediaUpdateFailed(caller, 488);
        await().until(() -> callee.lastCommand().equals("refuseMediaUpdate 500"));
        // Nothing waits any more: a new offer after the answer is relayed as usual.
        callee.listener().onAnswered(callee, "answer-B");
        await().until(() -> b2bua.stateOf(callId).equals(Optional.of(CallState.ANSWERED)));
        callee.listener().onMediaOffer(callee, "hold-B");
        await().until(() -> caller.lastCommand().equals("updateMedia broker(B->A):hold-B"));
        hangUpAndCheck(callId);
    }

    @Test
    void earlyOfferFromTheFarEndIsRefusedAtOnceAndTheCallGoesOn() {
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> callee.commands().size() == 1);
        callee.listener().onRinging(callee, Optional.of("early-B"));
        callee.listener().onMediaOffer(callee, "early-update-B");
        await().until(() -> callee.lastCommand().equals("refuseMediaUpdate 500"));
        assertThat(caller.commands()).noneMatch(c -> c.startsWith("updateMedia"));
        callee.listener().onAnswered(callee, "answer-B");
        await().until(() -> b2bua.stateOf(callId).equals(Optional.of(CallState.ANSWERED)));
        hangUpAndCheck(callId);
    }

    private String answeredCall() {
        String callId = callFromBrowser(Optional.of("offer-A"));
        b2bua.connect(callId, LegKind.SIP, "sip:+442071234567@pbx.test");
        await().until(() -> callee.commands().size() == 1);
        callee.listener().onAnswered(callee, "answer-B");
        await().until(() -> b2bua.stateOf(callId).equals(Optional.of(CallState.ANSWERED)));
        return callId;
    }

    private void hangUpAndCheck(String callId) {
        b2bua.hangUp(callId, EndReason.NORMAL);
        await().until(() -> caller.lastCommand().equals("hangUp normal"));
        assertThat(callee.lastCommand()).isEqualTo("hangUp normal");
        assertNothingLeaked();
    }

    private static CallRequest request(Optional<String> offer) {
        return new CallRequest("support", offer, MediaMode.AUDIO, Optional.of("corr-1"), Map.of());
    }

    private List<String> eventTypes() {
        return events.stream().map(CallEvent::type).toList();
    }

    private <T extends CallEvent> T lastEvent(Class<T> type) {
        await().until(() -> events.stream().anyMatch(type::isInstance));
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private void assertNothingLeaked() {
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(media.allClosed()).isTrue();
        assertThat(events).filteredOn(CallEvent.Ended.class::isInstance).hasSize(1);
    }
}
