package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Session timers (RFC 4028) negotiated with SIPp: as refresher the trunk refreshes at half the interval (UPDATE when
 * the far end allows it, else re-INVITE); a session the far end should refresh and does not is ended by BYE with a
 * Reason; an interval below Min-SE gets 422, and a 422 from the far end is retried with its minimum. The timers run
 * on the fixture's manual time, so a 90 s interval costs no waiting.
 */
class SessionTimersIT {

    @Test
    void asRefresherWeRefreshByUpdateAtHalfTheInterval() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-session-timer-refresh-by-update.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));
            listener.await("answered");
            assertThat(trunk.timers.nextDue()).hasValue(Duration.ofSeconds(45));

            trunk.timers.advance(Duration.ofSeconds(45));
            // The 200 to the UPDATE puts the interval in force again: the next refresh is due in 45 s.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> trunk.timers.nextDue().equals(Optional.of(Duration.ofSeconds(45))));
            leg.hangUp(EndReason.NORMAL);

            far.assertScenarioCompleted();
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            assertThat(listener.count("mediaAnswer"))
                    .as("a refresh is not a media change")
                    .isZero();
            trunk.assertNoLeaks();
        }
    }

    @Test
    void asRefresherWithoutUpdateWeRefreshByReInvite() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> leg.answer(SipTestData.ANSWER));
            try (Sipp far = Sipp.uacTcp("uac-session-timer-refresh-by-reinvite.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                await().until(() -> call.leg().state() == LegState.ANSWERED);
                assertThat(trunk.timers.nextDue()).hasValue(Duration.ofSeconds(60));

                trunk.timers.advance(Duration.ofSeconds(60));

                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
                far.assertScenarioCompleted();
                assertThat(call.listener().count("mediaOffer")).isZero();
            }
            trunk.assertNoLeaks();
        }
    }

    @Test
    void sessionNotRefreshedInTimeIsEndedWithByeAndReason() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> leg.answer(SipTestData.ANSWER));
            try (Sipp far = Sipp.uacTcp("uac-session-timer-not-refreshed.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                await().until(() -> call.leg().state() == LegState.ANSWERED);
                // Expiry at the interval minus min(32 s, interval / 3): 90 - 30 = 60 s.
                assertThat(trunk.timers.nextDue()).hasValue(Duration.ofSeconds(60));

                trunk.timers.advance(Duration.ofSeconds(59));
                assertThat(call.leg().state()).isEqualTo(LegState.ANSWERED);
                trunk.timers.advance(Duration.ofSeconds(1));

                assertThat(call.listener().await("ended").reason()).isEqualTo(SessionTimer.EXPIRED);
                far.assertScenarioCompleted();
            }
            trunk.assertNoLeaks();
        }
    }

    @Test
    void intervalBelowMinSeGets422() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uacTcp("uac-session-timer-too-small.xml", trunk.host.tcpPort(), "support")) {
            far.assertScenarioCompleted();
            assertThat(trunk.callRequests.incoming).isEmpty();
            trunk.assertNoLeaks();
        }
    }

    @Test
    void farEnds422IsRetriedWithItsMinimum() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-session-timer-422-then-answer.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));
            listener.await("answered");
            // The far end refreshes a 1200 s session: we would end it 32 s before the interval runs out.
            assertThat(trunk.timers.nextDue()).hasValue(Duration.ofSeconds(1200 - 32));
            leg.hangUp(EndReason.NORMAL);

            far.assertScenarioCompleted();
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            trunk.assertNoLeaks();
        }
    }
}
