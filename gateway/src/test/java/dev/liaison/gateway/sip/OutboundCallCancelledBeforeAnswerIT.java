package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Web to SIP: the caller gives up while SIPp rings; we CANCEL, SIPp answers 200 and 487. */
class OutboundCallCancelledBeforeAnswerIT {

    @Test
    void hangUpWhileRingingSendsCancel() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-ring-await-cancel.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));
            listener.await("ringing");

            leg.hangUp(EndReason.CANCELLED);

            far.assertScenarioCompleted();
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.CANCELLED);
            assertThat(listener.count("ended")).isEqualTo(1);
            trunk.assertNoLeaks();
        }
    }
}
