package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Web to SIP through a trunk that asks for credentials: 401, the INVITE again with digest credentials, answered. */
class OutboundCallWithDigestAuthenticationIT {

    @Test
    void challengedInviteIsRepeatedWithCredentials() throws Exception {
        SipProperties p = SipTrunkFixture.properties(List.of("127.0.0.1"), Duration.ofSeconds(30));
        SipProperties withCredentials = new SipProperties(
                p.enabled(),
                p.bindAddress(),
                p.advertisedAddress(),
                p.port(),
                p.tlsPort(),
                p.tlsKeyStore(),
                p.tlsKeyStorePassword(),
                p.trunkPeers(),
                p.outboundProxy(),
                "liaison-trunk",
                "trunk.example.net",
                "test-only-secret",
                p.noAnswerTimeout(),
                p.maxInvitesPerSecondPerSource(),
                p.maxConcurrentCalls(),
                p.maxMessageSize(),
                p.sessionTimerInterval(),
                p.timerT1(),
                p.threadPoolSize());
        try (SipTrunkFixture trunk = SipTrunkFixture.start(withCredentials);
                Sipp far = Sipp.uasTcp("uas-challenge-answer-await-bye.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);

            leg.start(Optional.of(SipTestData.OFFER));

            listener.await("answered");
            leg.hangUp(EndReason.NORMAL);
            far.assertScenarioCompleted(); // SIPp checks the Authorization header of the second INVITE
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            trunk.assertNoLeaks();
        }
    }
}
