package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The far end of an answered call asks for a transfer with REFER (RFC 3515): 202, the call is told the target (and,
 * for an attended transfer, the call to replace), a NOTIFY with {@code 100 Trying} keeps the implicit subscription
 * active, and the final NOTIFY carries the transfer's outcome as reported by the call (or 408 when the call reports
 * none in time), ending the subscription. Then the far end hangs up.
 */
class TransferByReferIT {

    @Test
    void attendedTransferIsReportedToTheCallAndItsSuccessNotified() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-answer-refer.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = call(trunk, far, listener);

            assertThat(listener.await("transfer").sdp())
                    .hasValue("sip:agent42@example.com replaces other-call@example.com;to-tag=t1;from-tag=f1");
            leg.reportTransferOutcome(200, "OK");

            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            far.assertScenarioCompleted();
            assertThat(notifyBodies(far)).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 200 OK");
            trunk.assertNoLeaks();
        }
    }

    @Test
    void blindTransferThatFailsIsNotifiedWithItsStatus() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-answer-blind-refer.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = call(trunk, far, listener);

            assertThat(listener.await("transfer").sdp()).hasValue("sip:agent7@example.com");
            leg.reportTransferOutcome(486, "Busy Here\r\nX-Injected: no");

            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            far.assertScenarioCompleted();
            assertThat(notifyBodies(far)).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 486 Busy Here X-Injected: no");
            trunk.assertNoLeaks();
        }
    }

    @Test
    void transferWithoutReportedOutcomeIsNotifiedAsTimedOut() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-answer-blind-refer.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            call(trunk, far, listener);
            listener.await("transfer");

            // The wait for the outcome is the no-answer timeout (30 s in the fixture) plus 10 s.
            trunk.timers.advance(Duration.ofSeconds(40));

            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            far.assertScenarioCompleted();
            assertThat(notifyBodies(far)).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 408 Request Timeout");
            trunk.assertNoLeaks();
        }
    }

    private static CallLeg call(SipTrunkFixture trunk, Sipp far, RecordingLegListener listener) {
        CallLeg leg = trunk.legProvider()
                .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                .orElseThrow();
        leg.setListener(listener);
        leg.start(Optional.of(SipTestData.OFFER));
        return leg;
    }

    /** The sipfrag status line of each NOTIFY SIPp received, in order. */
    private static List<String> notifyBodies(Sipp far) throws Exception {
        return far.received("NOTIFY").stream()
                .map(message -> message.lines()
                        .filter(line -> line.startsWith("SIP/2.0 "))
                        .findFirst()
                        .orElse("(no sipfrag)"))
                .toList();
    }
}
