package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SIP to web: a trunk peer calls in, the call routing rings and answers; either side hangs up. */
class InboundCallAnsweredAndHungUpIT {

    @Test
    void answeredAndHungUpByTheCaller() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> {
                leg.ringing(Optional.empty());
                leg.answer(SipTestData.ANSWER);
            });
            try (Sipp far = Sipp.uacTcp("uac-call-hang-up.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                CallRequest request = call.request();
                assertThat(request.destination()).isEqualTo("support");
                assertThat(request.sdpOffer())
                        .hasValueSatisfying(sdp -> assertThat(sdp).contains("m=audio"));
                assertThat(request.attributes()).containsKeys("sip.from", "sip.to", "sip.callId");
                assertThat(request.attributes().get("sip.pAssertedIdentity")).contains("+15551234567");
                assertThat(call.leg().kind()).isEqualTo(LegKind.SIP);

                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
                far.assertScenarioCompleted();
                assertThat(call.leg().state()).isEqualTo(LegState.ENDED);
            }
            trunk.assertNoLeaks();
            assertThat(trunk.meters
                            .get("liaison.sip.responses")
                            .tag("code", "180")
                            .tag("direction", "sent")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(trunk.meters
                            .get("liaison.sip.call.setup")
                            .tag("direction", "inbound")
                            .tag("outcome", "answered")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(trunk.meters.get("liaison.sip.legs.active").gauge().value())
                    .isZero();
        }
    }

    @Test
    void answeredAndHungUpByUs() throws Exception {
        try (SipTrunkFixture trunk = SipTrunkFixture.start()) {
            trunk.callRequests.reactWith((leg, request) -> leg.answer(SipTestData.ANSWER));
            try (Sipp far = Sipp.uacTcp("uac-call-await-bye.xml", trunk.host.tcpPort(), "support")) {
                RecordingCallRequests.Incoming call = trunk.callRequests.awaitCall();
                await().until(() -> call.leg().state() == LegState.ANSWERED);

                call.leg().hangUp(EndReason.NORMAL);

                far.assertScenarioCompleted();
                assertThat(call.listener().await("ended").reason()).isEqualTo(EndReason.NORMAL);
            }
            trunk.assertNoLeaks();
        }
    }
}
