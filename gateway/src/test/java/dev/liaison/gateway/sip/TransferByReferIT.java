package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The far end of an answered call asks for an attended transfer with REFER: 202, the call is told the target and the
 * call to replace, one NOTIFY ends the implicit subscription (SIPp checks its sipfrag body), then the far end hangs up.
 */
class TransferByReferIT {

    @Test
    void referIsAcceptedAndReportedToTheCall() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-answer-refer.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));

            assertThat(listener.await("transfer").sdp())
                    .hasValue("sip:agent42@example.com replaces other-call@example.com;to-tag=t1;from-tag=f1");
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            far.assertScenarioCompleted();
            trunk.assertNoLeaks();
        }
    }
}
