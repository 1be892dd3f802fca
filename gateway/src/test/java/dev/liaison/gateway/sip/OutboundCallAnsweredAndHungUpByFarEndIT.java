package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Web to SIP: SIPp answers our INVITE and later hangs up with BYE; the leg ends normally. */
class OutboundCallAnsweredAndHungUpByFarEndIT {

    @Test
    void farEndByeEndsTheLeg() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-answer-send-bye.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);

            leg.start(Optional.of(SipTestData.OFFER));

            listener.await("answered");
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            far.assertScenarioCompleted();
            assertThat(leg.state()).isEqualTo(LegState.ENDED);
            // The stack may hand the 180 and the 200 to different threads: ringing is optional, the rest ordered.
            assertThat(listener.types())
                    .containsSubsequence("answered", "ended")
                    .endsWith("ended");
            assertThat(listener.count("answered")).isEqualTo(1);
            trunk.assertNoLeaks();
        }
    }
}
