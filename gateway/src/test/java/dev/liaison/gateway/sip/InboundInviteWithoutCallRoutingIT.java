package dev.liaison.gateway.sip;

import org.junit.jupiter.api.Test;

/** A node without a {@code CallRequests} bean answers a trunk peer's INVITE with 480 and keeps nothing. */
class InboundInviteWithoutCallRoutingIT {

    @Test
    void inviteGets480() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.startWithoutCallRequests()) {
            try (Sipp far = Sipp.uacTcp("uac-expect-480.xml", trunk.host.tcpPort(), "support")) {
                far.assertScenarioCompleted();
            }
            trunk.assertNoLeaks();
        }
    }
}
