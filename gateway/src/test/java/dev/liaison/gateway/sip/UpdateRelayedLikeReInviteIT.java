package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * UPDATE (RFC 3311) from the far end: an offer in the early dialog and one after the answer are relayed to the call
 * like a re-INVITE's and answered with 200 and the call's SDP; an UPDATE without SDP gets 200 at once; an offer the
 * call leaves unanswered gets 500 with Retry-After instead of a transaction left waiting, and one the call refuses
 * gets it at once.
 */
class UpdateRelayedLikeReInviteIT {

    @Test
    void updateBeforeAndAfterTheAnswerIsRelayedToTheCall() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-update-early-and-confirmed.xml")) {
            RecordingLegListener listener =
                    new RecordingLegListener().answeringMediaOffersWith(SipTestData.sdp("recvonly", 40000));
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));

            assertThat(listener.await("mediaOffer", 1).sdp())
                    .hasValueSatisfying(sdp -> assertThat(sdp).contains("a=sendonly"));
            listener.await("answered");
            assertThat(listener.await("mediaOffer", 2).sdp())
                    .hasValueSatisfying(sdp -> assertThat(sdp).contains("a=recvonly"));
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            far.assertScenarioCompleted();
            assertThat(listener.types())
                    .containsSubsequence("ringing", "mediaOffer", "answered", "mediaOffer", "ended");
            assertThat(listener.count("mediaOffer")).isEqualTo(2);
            trunk.assertNoLeaks();
        }
    }

    @Test
    void callersUpdateAfterTheAnswerIsRelayedAndARefreshIsAnsweredAtOnce() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> leg.answer(SipTestData.ANSWER));
            try (Sipp far = Sipp.uacTcp("uac-update-after-answer.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                // The recording listener of an incoming call does not answer offers: do it as the call would.
                assertThat(call.listener().await("mediaOffer").sdp())
                        .hasValueSatisfying(sdp -> assertThat(sdp).contains("a=sendonly"));
                call.leg().answerMediaUpdate(SipTestData.sdp("recvonly", 40002));
                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
                far.assertScenarioCompleted();
                assertThat(call.listener().count("mediaOffer")).isEqualTo(1);
            }
            trunk.assertNoLeaks();
        }
    }

    @Test
    void offerTheCallLeavesUnansweredGets500WithRetryAfter() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> leg.answer(SipTestData.ANSWER));
            try (Sipp far = Sipp.uacTcp("uac-update-unanswered.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                call.listener().await("mediaOffer");
                // Nobody answers the offer: after 64*T1 (32 s) the UPDATE gets 500 with Retry-After.
                trunk.timers.advance(java.time.Duration.ofSeconds(32));
                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
                far.assertScenarioCompleted();
            }
            trunk.assertNoLeaks();
        }
    }

    @Test
    void offerTheCallRefusesGets500WithRetryAfterAtOnce() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> leg.answer(SipTestData.ANSWER));
            try (Sipp far = Sipp.uacTcp("uac-update-unanswered.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                call.listener().await("mediaOffer");
                // What Call does with an offer it cannot relay (one before the answer): no 64*T1 wait.
                call.leg().refuseMediaUpdate(500, "Early offers are not relayed");
                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
                far.assertScenarioCompleted();
            }
            trunk.assertNoLeaks();
        }
    }
}
