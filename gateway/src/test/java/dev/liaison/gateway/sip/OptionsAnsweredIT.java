package dev.liaison.gateway.sip;

import org.junit.jupiter.api.Test;

/** OPTIONS (the PBX's keep-alive) is answered 200 with Allow; SIPp checks that Allow names INVITE. */
class OptionsAnsweredIT {

    @Test
    void optionsOverUdpGets200() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start(SipTrunkFixture.fastTimerProperties())) {
            try (Sipp far = Sipp.uac("uac-options.xml", trunk.port(), "liaison")) {
                far.assertScenarioCompleted();
            }
            trunk.assertNoLeaks();
        }
    }

    @Test
    void optionsOverTcpGets200() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            try (Sipp far = Sipp.uacTcp("uac-options.xml", trunk.host.tcpPort(), "liaison")) {
                far.assertScenarioCompleted();
            }
            trunk.assertNoLeaks();
        }
    }
}
