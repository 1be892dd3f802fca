package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Web to SIP: SIPp answers 486 Busy Here; the leg ends as busy. */
class OutboundCallBusyIT {

    @Test
    void busyEndsTheLegWithBusy() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-busy.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);

            leg.start(Optional.of(SipTestData.OFFER));

            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.BUSY);
            far.assertScenarioCompleted();
            assertThat(listener.types()).containsExactly("ended");
            trunk.assertNoLeaks();
        }
    }
}
