package dev.liaison.gateway.client.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.gateway.client.ClientSessionListener;
import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import dev.liaison.gateway.client.protocol.ServerMessage;
import dev.liaison.gateway.client.token.ClientToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {

    private static final Duration DETACH_TIMEOUT = Duration.ofSeconds(30);
    private final ManualTimeouts timeouts = new ManualTimeouts();
    private final List<String> sessionEvents = new CopyOnWriteArrayList<>();
    private final ClientSessionRegistry registry = new ClientSessionRegistry(
            DETACH_TIMEOUT, 2, 4, timeouts, new SessionEvents(List.of(new ClientSessionListener() {
                @Override
                public void sessionStarted(ClientSessionInfo session) {
                    sessionEvents.add("started");
                }

                @Override
                public void sessionResumed(ClientSessionInfo session) {
                    sessionEvents.add("resumed");
                }

                @Override
                public void sessionDetached(ClientSessionInfo session) {
                    sessionEvents.add("detached");
                }

                @Override
                public void sessionClosed(ClientSessionInfo session, String reason) {
                    sessionEvents.add("closed:" + reason);
                }
            })));
    private final ClientToken token = token("visitor-1", "token-1");

    @AfterEach
    void nothingLeaked() {
        registry.closeAll();
        assertThat(registry.sessionCount()).isZero();
        assertThat(registry.legCount()).isZero();
        assertThat(timeouts.pending()).isZero();
    }

    @Test
    void aDroppedSessionThatResumesInTimeKeepsItsCallAndGetsItsState() {
        RecordingSink first = new RecordingSink();
        ClientSession session = registry.start(token, Optional.of("corr-1"), first, Optional.of("s1"));
        RecordingLegListener call = answeredOutgoingCall(session);
        String resumeToken = first.of(ServerMessage.Session.class).get(0).resumeToken();

        registry.detach(session, first);
        assertThat(session.state()).isEqualTo(SessionState.DETACHED);
        session.calls().iterator().next().updateMedia("offer-while-away");
        timeouts.advance(DETACH_TIMEOUT.minusSeconds(1));

        RecordingSink second = new RecordingSink();
        ClientSession resumed = registry.resume(resumeToken, token("visitor-1", "token-2"), second, Optional.empty());

        assertThat(resumed).isSameAs(session);
        assertThat(session.state()).isEqualTo(SessionState.ACTIVE);
        ServerMessage.Session answer = second.of(ServerMessage.Session.class).get(0);
        assertThat(answer.resumed()).isTrue();
        assertThat(answer.correlationId()).isEqualTo("corr-1");
        assertThat(answer.calls()).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.state()).isEqualTo("answered");
            assertThat(snapshot.direction()).isEqualTo("outgoing");
        });
        assertThat(second.messages.get(0)).isInstanceOf(ServerMessage.Session.class);
        assertThat(second.of(ServerMessage.MediaOffer.class))
                .singleElement()
                .extracting(ServerMessage.MediaOffer::sdp)
                .isEqualTo("offer-while-away");
        timeouts.advance(DETACH_TIMEOUT.multipliedBy(2));
        assertThat(call.events).doesNotContain("ended:detach-timeout");
        assertThat(session.calls()).hasSize(1);
        assertThat(sessionEvents).containsExactly("started", "detached", "resumed");
    }

    @Test
    void messagesAConnectionCouldNoLongerTakeAreDeliveredAfterTheReattach() {
        RecordingSink dying = new RecordingSink();
        ClientSession session = registry.start(token, Optional.empty(), dying, Optional.empty());
        String resumeToken = dying.of(ServerMessage.Session.class).get(0).resumeToken();

        dying.refusing = true;
        session.send(new ServerMessage.Chat("agent-7", "Are you still there?", Optional.empty()));
        registry.detach(session, dying);
        RecordingSink fresh = new RecordingSink();
        registry.resume(resumeToken, token, fresh, Optional.empty());

        assertThat(fresh.of(ServerMessage.Chat.class))
                .singleElement()
                .extracting(ServerMessage.Chat::text)
                .isEqualTo("Are you still there?");
    }

    @Test
    void aDroppedSessionThatDoesNotComeBackEndsItsCallsWithDetachTimeout() {
        RecordingSink sink = new RecordingSink();
        ClientSession session = registry.start(token, Optional.empty(), sink, Optional.empty());
        RecordingLegListener call = answeredOutgoingCall(session);
        ClientLeg leg = session.calls().iterator().next();

        registry.detach(session, sink);
        timeouts.advance(DETACH_TIMEOUT);

        assertThat(call.events).endsWith("ended:detach-timeout");
        assertThat(leg.state()).isEqualTo(LegState.ENDED);
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThat(registry.sessionCount()).isZero();
        assertThat(sessionEvents).containsExactly("started", "detached", "closed:detach-timeout");
    }

    @Test
    void aClosedSessionCannotBeResumed() {
        RecordingSink sink = new RecordingSink();
        ClientSession session = registry.start(token, Optional.empty(), sink, Optional.empty());
        String resumeToken = sink.of(ServerMessage.Session.class).get(0).resumeToken();
        registry.close(session, EndReason.NORMAL, "ended-by-client");

        assertThat(sink.closedWith).isEqualTo("ended-by-client");
        assertThat(sink.of(ServerMessage.SessionEnded.class)).hasSize(1);
        assertRefused(
                () -> registry.resume(resumeToken, token, new RecordingSink(), Optional.empty()),
                ClientErrorCode.NO_SUCH_SESSION);
    }

    @Test
    void anotherCustomerCannotResumeTheSession() {
        RecordingSink sink = new RecordingSink();
        ClientSession session = registry.start(token, Optional.empty(), sink, Optional.empty());
        registry.detach(session, sink);
        String resumeToken = sink.of(ServerMessage.Session.class).get(0).resumeToken();

        assertRefused(
                () -> registry.resume(
                        resumeToken, token("visitor-2", "token-9"), new RecordingSink(), Optional.empty()),
                ClientErrorCode.NO_SUCH_SESSION);
        assertThat(session.state()).isEqualTo(SessionState.DETACHED);
    }

    @Test
    void aTokenHoldsAtMostItsSessionLimit() {
        registry.start(token, Optional.empty(), new RecordingSink(), Optional.empty());
        registry.start(token, Optional.empty(), new RecordingSink(), Optional.empty());

        assertRefused(
                () -> registry.start(token, Optional.empty(), new RecordingSink(), Optional.empty()),
                ClientErrorCode.TOO_MANY_SESSIONS);
        registry.start(token("visitor-1", "token-other"), Optional.empty(), new RecordingSink(), Optional.empty());
    }

    @Test
    void aResumeTakesOverAConnectionThatHasNotNoticedTheDrop() {
        RecordingSink stale = new RecordingSink();
        ClientSession session = registry.start(token, Optional.empty(), stale, Optional.empty());
        String resumeToken = stale.of(ServerMessage.Session.class).get(0).resumeToken();

        RecordingSink fresh = new RecordingSink();
        registry.resume(resumeToken, token, fresh, Optional.empty());
        registry.detach(session, stale);

        assertThat(stale.closedWith).isEqualTo("session-taken-over");
        assertThat(session.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(session.isAttachedTo(fresh)).isTrue();
    }

    @Test
    void anIncomingCallRingsAnsweredByTheClientAndEndsOnHangup() {
        RecordingSink sink = new RecordingSink();
        ClientSession session = registry.start(token, Optional.empty(), sink, Optional.empty());
        ClientLeg leg = registry.newLeg(session, ClientLeg.Direction.INCOMING, MediaMode.VIDEO, "agent-7");
        RecordingLegListener call = new RecordingLegListener();
        leg.setListener(call);

        leg.start(Optional.of("offer"));
        leg.clientAnswer("answer");
        leg.clientMute(true, false);
        leg.clientDtmf("1#", 100);
        leg.hangUp(EndReason.NORMAL);
        leg.hangUp(EndReason.NORMAL);

        assertThat(sink.of(ServerMessage.IncomingCall.class)).singleElement().satisfies(incoming -> {
            assertThat(incoming.from()).isEqualTo("agent-7");
            assertThat(incoming.media()).isEqualTo("video");
        });
        assertThat(call.events)
                .containsExactly("ringing", "answered:answer", "mute:true,false", "dtmf:1", "dtmf:#", "ended:normal");
        assertThat(sink.of(ServerMessage.Ended.class)).hasSize(1);
        assertRefused(() -> leg.clientAnswer("again"), ClientErrorCode.INVALID_STATE);
        assertRefused(() -> session.call(leg.id()), ClientErrorCode.NO_SUCH_CALL);
    }

    @Test
    void aClientHangingUpBeforeAnswerCancelsItsOwnCallAndDeclinesAnIncomingOne() {
        ClientSession session = registry.start(token, Optional.empty(), new RecordingSink(), Optional.empty());
        ClientLeg outgoing = registry.newLeg(session, ClientLeg.Direction.OUTGOING, MediaMode.AUDIO, "support");
        RecordingLegListener caller = new RecordingLegListener();
        outgoing.setListener(caller);
        ClientLeg incoming = registry.newLeg(session, ClientLeg.Direction.INCOMING, MediaMode.AUDIO, "agent-7");
        RecordingLegListener called = new RecordingLegListener();
        incoming.setListener(called);
        incoming.start(Optional.of("offer"));

        outgoing.clientHangup();
        incoming.clientHangup();

        assertThat(caller.events).containsExactly("ended:cancelled");
        assertThat(called.events).containsExactly("ringing", "ended:declined");
    }

    @Test
    void commandsThatDoNotFitTheLegStateAreIgnored() {
        ClientSession session = registry.start(token, Optional.empty(), new RecordingSink(), Optional.empty());
        ClientLeg leg = registry.newLeg(session, ClientLeg.Direction.OUTGOING, MediaMode.AUDIO, "support");
        leg.setListener(new RecordingLegListener());

        leg.start(Optional.of("offer"));
        leg.updateMedia("offer");

        assertThat(leg.state()).isEqualTo(LegState.CALLING);
        assertRefused(() -> leg.clientAnswer("sdp"), ClientErrorCode.INVALID_STATE);
    }

    private RecordingLegListener answeredOutgoingCall(ClientSession session) {
        ClientLeg leg = registry.newLeg(session, ClientLeg.Direction.OUTGOING, MediaMode.AUDIO, "support");
        RecordingLegListener listener = new RecordingLegListener();
        leg.setListener(listener);
        leg.ringing(Optional.empty());
        leg.answer("answer-sdp");
        assertThat(leg.state()).isEqualTo(LegState.ANSWERED);
        return listener;
    }

    private static ClientToken token(String subject, String tokenId) {
        return new ClientToken(
                tokenId, subject, "acme", Set.of("support"), Set.of(), Instant.parse("2030-01-01T00:00:00Z"));
    }

    private static void assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ClientErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClientProtocolException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }
}
