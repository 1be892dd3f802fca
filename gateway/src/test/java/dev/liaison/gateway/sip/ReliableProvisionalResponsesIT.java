package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reliable provisional responses (RFC 3262) both ways: we PRACK the far end's reliable 183 with early media, and an
 * INVITE that requires 100rel is accepted (no more 420) with a reliable 180 that is retransmitted until PRACKed and a
 * 200 that waits for the PRACK.
 */
class ReliableProvisionalResponsesIT {

    @Test
    void farEndsReliable183IsPrackedAndTheCallIsAnswered() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start();
                Sipp far = Sipp.uasTcp("uas-reliable-183-answer.xml")) {
            RecordingLegListener listener = new RecordingLegListener();
            CallLeg leg = trunk.legProvider()
                    .createOutbound(SipTrunkFixture.sippTcpUri(far.port), "call-1", SipTestData.request())
                    .orElseThrow();
            leg.setListener(listener);
            leg.start(Optional.of(SipTestData.OFFER));

            assertThat(listener.await("ringing").sdp())
                    .hasValueSatisfying(sdp -> assertThat(sdp).contains("m=audio"));
            listener.await("answered");
            leg.hangUp(EndReason.NORMAL);

            far.assertScenarioCompleted();
            assertThat(listener.await("ended").reason()).isEqualTo(EndReason.NORMAL);
            assertThat(listener.count("ringing")).isEqualTo(1);
            trunk.assertNoLeaks();
        }
    }

    @Test
    void inviteRequiring100relGetsAReliable180RetransmittedUntilPracked() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> {
                leg.ringing(Optional.empty());
                leg.answer(SipTestData.ANSWER); // held back until the 180 is PRACKed
            });
            try (Sipp far = Sipp.uac("uac-100rel-answered.xml", trunk.port(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
                far.assertScenarioCompleted();
                assertThat(far.receivedCount("SIP/2.0 180"))
                        .as("180 and its retransmissions")
                        .isGreaterThan(1);
                assertThat(far.receivedCount("SIP/2.0 420")).isZero();
            }
            trunk.assertNoLeaks();
        }
    }
}
