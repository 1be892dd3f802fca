package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * At the concurrent-call limit a new INVITE gets 503 with Retry-After, and the established call is not disturbed: it
 * stays answered and ends normally afterwards.
 */
class NewCallsRefusedUnderOverloadIT {

    @Test
    void newInviteGets503WhileTheEstablishedCallContinues() throws Exception {
        SipProperties oneCall =
                SipTrunkFixture.properties(List.of("127.0.0.1"), Duration.ofSeconds(30), 50, 1, Duration.ofMillis(500));
        try (SipTrunkFixture trunk = SipTrunkFixture.start(oneCall);
                Sipp established = Sipp.uasTcp("uas-answer-await-bye.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(established.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));
            listener.await("answered");

            try (Sipp refused = Sipp.uacTcp("uac-expect-503.xml", trunk.host.tcpPort(), "support")) {
                refused.assertScenarioCompleted();
            }
            assertThat(trunk.callRequests.incoming).isEmpty();
            assertThat(trunk.legProvider()
                            .createOutbound(SipTrunkFixture.sippTcpUri(1), "call-2", SipTestData.request()))
                    .as("no outbound leg beyond the limit either")
                    .isEmpty();
            assertThat(leg.state()).isEqualTo(LegState.ANSWERED);

            leg.hangUp(EndReason.NORMAL);
            established.assertScenarioCompleted();
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            assertThat(trunk.meters
                            .get("liaison.sip.requests.rejected")
                            .tag("reason", "max-concurrent-calls")
                            .counters())
                    .isNotEmpty();
            trunk.assertNoLeaks();
        }
    }
}
