package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hold and resume by re-INVITE on an answered SIP leg, from our side and from the far end. */
class ReInviteHoldResumeIT {

    @Test
    void weHoldAndResume() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-answer-hold-resume.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));
            listener.await("answered");

            leg.updateMedia(SipTestData.HOLD_OFFER);
            assertThat(listener.await("mediaAnswer", 1).sdp())
                    .hasValueSatisfying(sdp -> assertThat(sdp).contains("a=recvonly"));
            leg.updateMedia(SipTestData.OFFER);
            assertThat(listener.await("mediaAnswer", 2).sdp())
                    .hasValueSatisfying(sdp -> assertThat(sdp).contains("a=sendrecv"));
            leg.hangUp(EndReason.NORMAL);

            far.assertScenarioCompleted();
            listener.await("ended");
            trunk.assertNoLeaks();
        }
    }

    @Test
    void farEndHoldsAndWeAnswer() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-answer-reinvite-hold.xml")) {
            RecordingLegListener listener =
                    new RecordingLegListener().answeringMediaOffersWith(SipTestData.sdp("recvonly", 40000));
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));

            assertThat(listener.await("mediaOffer").sdp())
                    .hasValueSatisfying(sdp -> assertThat(sdp).contains("a=sendonly"));
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            far.assertScenarioCompleted();
            trunk.assertNoLeaks();
        }
    }
}
