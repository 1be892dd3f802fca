package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Web to SIP: we call SIPp with an offer, it rings and answers; we hang up with BYE. */
class OutboundCallAnsweredAndHungUpByUsIT {

    @Test
    void answeredCallEndsWithOurBye() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uas("uas-answer-await-bye.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);

            leg.start(Optional.of(SipTestData.OFFER));

            // Over UDP the 180 and the 200 may be handled in either order; a 180 after the 200 is ignored.
            assertThat(listener.await("answered").sdp())
                    .hasValueSatisfying(sdp -> assertThat(sdp).contains("m=audio"));
            assertThat(leg.state()).isEqualTo(LegState.ANSWERED);

            leg.hangUp(EndReason.NORMAL);

            far.assertScenarioCompleted();
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            await().until(() -> leg.state() == LegState.ENDED);
            assertThat(listener.count("ended")).isEqualTo(1);
            trunk.assertNoLeaks();
        }
    }
}
