package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Late offer (RFC 3261 13.2.1): INVITE without SDP, the offer in the 200, the answer in the ACK; both directions. */
class InviteWithoutSdpIT {

    @Test
    void outboundInviteWithoutOfferIsAnsweredInTheAck() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-late-offer.xml")) {
            RecordingLegListener listener =
                    new RecordingLegListener().onAnswered((leg, offer) -> leg.answerMediaUpdate(SipTestData.ANSWER));
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);

            leg.start(Optional.empty());

            assertThat(listener.await("answered").sdp())
                    .hasValueSatisfying(sdp -> assertThat(sdp).contains("m=audio"));
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            far.assertScenarioCompleted(); // SIPp checks that the ACK carries our SDP
            trunk.assertNoLeaks();
        }
    }

    @Test
    void inboundInviteWithoutOfferGetsOurOfferAndTheAnswerFromTheAck() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> leg.answer(SipTestData.OFFER));
            try (Sipp far = Sipp.uacTcp("uac-late-offer.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                assertThat(call.request().sdpOffer()).isEmpty();
                assertThat(call.listener().await("mediaAnswer").sdp())
                        .hasValueSatisfying(sdp -> assertThat(sdp).contains("m=audio"));
                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
                far.assertScenarioCompleted();
            }
            trunk.assertNoLeaks();
        }
    }
}
