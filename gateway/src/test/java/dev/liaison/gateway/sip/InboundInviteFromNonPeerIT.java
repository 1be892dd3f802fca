package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An INVITE from an address that is not a configured trunk peer is refused with 403 and reaches no routing. */
class InboundInviteFromNonPeerIT {

    @Test
    void nonPeerGetsForbidden() throws Exception {
        SipProperties onlyAnotherPeer = SipTrunkFixture.properties(List.of("192.0.2.10"), Duration.ofSeconds(30));
        try (SipTrunkFixture trunk = SipTrunkFixture.start(onlyAnotherPeer)) {
            try (Sipp far = Sipp.uacTcp("uac-expect-403.xml", trunk.host.tcpPort(), "support")) {
                far.assertScenarioCompleted();
            }
            assertThat(trunk.callRequests.incoming).isEmpty();
            assertThat(trunk.meters
                            .get("liaison.sip.requests.rejected")
                            .tag("reason", "not-a-peer")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            trunk.assertNoLeaks();
        }
    }
}
