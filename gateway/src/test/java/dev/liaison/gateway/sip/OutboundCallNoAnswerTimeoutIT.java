package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Web to SIP: SIPp rings for ever; after the no-answer timeout we CANCEL and the leg ends as no-answer. */
class OutboundCallNoAnswerTimeoutIT {

    @Test
    void ringingTooLongIsCancelled() throws Exception {
        SipProperties properties = SipTrunkFixture.properties(List.of("127.0.0.1"), Duration.ofSeconds(1));
        try (SipTrunkFixture trunk = SipTrunkFixture.start(properties);
                Sipp far = Sipp.uasTcp("uas-ring-await-cancel.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);

            leg.start(Optional.of(SipTestData.OFFER));

            listener.await("ringing");
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NO_ANSWER);
            far.assertScenarioCompleted();
            trunk.assertNoLeaks();
        }
    }
}
