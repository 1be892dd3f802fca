package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.api.event.CallDelivered;
import dev.liaison.cti.api.event.CallRef;
import dev.liaison.cti.api.operation.CtiOperation;
import dev.liaison.cti.ucce.protocol.CallData;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.ConnectionReq;
import dev.liaison.cti.ucce.protocol.MessageType;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallControlFromLiaisonIT extends UcceTestSupport {

    @Test
    void answerHoldRetrieveAndReleaseGoOutAsConnectionRequestsAndComeBackAsEvents() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("control", "sideA=" + side.address() + "&" + fastTimers());
            awaitOpen();
            side.deliverCall(41, "trunk-4", "2001", CallData.EMPTY);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !eventsOf(CallDelivered.class).isEmpty());
            CallRef call = eventsOf(CallDelivered.class).get(0).call();

            producer.requestBody(uri, new CtiOperation.AnswerCall(call, "2001"));
            producer.requestBody(uri, new CtiOperation.HoldCall(call, "2001"));
            producer.requestBody(uri, new CtiOperation.RetrieveCall(call, "2001"));
            producer.requestBody(uri, new CtiOperation.ReleaseCall(call, "2001"));

            assertThat(side.connectionRequests())
                    .extracting(ConnectionReq::type)
                    .containsExactly(
                            MessageType.ANSWER_CALL_REQ,
                            MessageType.HOLD_CALL_REQ,
                            MessageType.RETRIEVE_CALL_REQ,
                            MessageType.CLEAR_CONNECTION_REQ);
            assertThat(side.connectionRequests()).allSatisfy(r -> {
                assertThat(r.callId()).isEqualTo(41);
                assertThat(r.deviceId()).isEqualTo("trunk-4");
                assertThat(r.instrument()).isEqualTo("2001");
                assertThat(r.peripheralId()).isEqualTo(PERIPHERAL);
            });
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventTypes())
                    .containsExactly(
                            "call.delivered", "call.established", "call.held", "call.retrieved", "call.cleared"));
            stopAndAssertNoLeak("control", side);
        }
    }
}
