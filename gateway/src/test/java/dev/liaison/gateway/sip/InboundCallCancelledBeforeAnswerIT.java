package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SIP to web: the caller cancels while we ring: 200 to the CANCEL, 487 to the INVITE, the leg ends cancelled. */
class InboundCallCancelledBeforeAnswerIT {

    @Test
    void cancelWhileRinging() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> leg.ringing(Optional.empty()));
            try (Sipp far = Sipp.uacTcp("uac-cancel.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.CANCELLED);
                far.assertScenarioCompleted();
            }
            trunk.assertNoLeaks();
        }
    }
}
