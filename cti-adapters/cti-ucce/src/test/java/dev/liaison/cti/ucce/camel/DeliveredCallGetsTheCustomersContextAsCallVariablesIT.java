package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import dev.liaison.cti.api.event.CallDataUpdated;
import dev.liaison.cti.api.event.CallDelivered;
import dev.liaison.cti.api.event.CallRef;
import dev.liaison.cti.api.operation.CtiOperation;
import dev.liaison.cti.api.screenpop.ScreenPop;
import dev.liaison.cti.api.screenpop.ScreenPopLimitException;
import dev.liaison.cti.ucce.protocol.CallData;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SetCallDataReq;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

class DeliveredCallGetsTheCustomersContextAsCallVariablesIT extends UcceTestSupport {

    private static final String MAPPING =
            "screenPop=correlationId=CallVariable1,customer.name=CallVariable2,page=ECC:user.page,"
                    + "device=ECC:user.device[0]";

    @Test
    void theContextLandsInCallVariablesAndEccVariablesOfTheDeliveredCall() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("pop", "sideA=" + side.address() + "&" + MAPPING + "&" + fastTimers());
            awaitOpen();
            side.deliverCall(21, "trunk-1", "2001", CallData.EMPTY);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !eventsOf(CallDelivered.class).isEmpty());
            CallRef call = eventsOf(CallDelivered.class).get(0).call();

            ScreenPop pop = producer.requestBody(
                    uri,
                    new CtiOperation.SetCallData(
                            call,
                            Map.of(
                                    "correlationId", "c-77",
                                    "customer.name", "Ada Lovelace",
                                    "page", "/checkout",
                                    "device", "iPhone",
                                    "notMapped", "ignored")),
                    ScreenPop.class);

            assertThat(pop.complete()).isTrue();
            SetCallDataReq req = side.callDataRequests().get(0);
            assertThat(req.peripheralId()).isEqualTo(PERIPHERAL);
            assertThat(req.callId()).isEqualTo(21);
            assertThat(req.deviceId()).isEqualTo("trunk-1");
            assertThat(req.data().callVariables()).isEqualTo(Map.of(1, "c-77", 2, "Ada Lovelace"));
            assertThat(req.data().namedVariables()).isEqualTo(Map.of("user.page", "/checkout"));
            assertThat(req.data().namedArrays()).isEqualTo(Map.of("user.device[0]", "iPhone"));

            // the server confirms with CALL_DATA_UPDATE_EVENT: the call is now correlated
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !eventsOf(CallDataUpdated.class).isEmpty());
            CallDataUpdated updated = eventsOf(CallDataUpdated.class).get(0);
            assertThat(updated.callData()).containsEntry("CallVariable1", "c-77");
            assertThat(updated.call().correlation())
                    .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("c-77"));
            assertThat(session().correlatedCalls()).isEqualTo(1);

            side.clear(21, 0xffff);
            await().atMost(Duration.ofSeconds(5)).until(() -> session().trackedCalls() == 0);
            stopAndAssertNoLeak("pop", side);
        }
    }

    @Test
    void aValueTooLongForItsCallVariableIsRejectedWithItsLimitAndNothingIsSent() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("limits", "sideA=" + side.address() + "&" + MAPPING + "&" + fastTimers());
            awaitOpen();
            side.deliverCall(22, "trunk-1", "2001", CallData.EMPTY);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !eventsOf(CallDelivered.class).isEmpty());
            CallRef call = eventsOf(CallDelivered.class).get(0).call();

            assertThatThrownBy(() -> producer.requestBody(
                            uri, new CtiOperation.SetCallData(call, Map.of("customer.name", "x".repeat(41)))))
                    .isInstanceOf(CamelExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(ScreenPopLimitException.class, e -> {
                        assertThat(e.failure()).isEqualTo(CtiFailure.LIMIT_EXCEEDED);
                        assertThat(e.getMessage()).contains("CallVariable2: 41 bytes, limit 40");
                    });
            assertThat(side.callDataRequests()).isEmpty();

            side.clear(22, 0xffff);
            await().atMost(Duration.ofSeconds(5)).until(() -> session().trackedCalls() == 0);
            stopAndAssertNoLeak("limits", side);
        }
    }

    @Test
    void truncationSendsWhatFitsAndReportsWhatWasCut() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel(
                    "truncate", "sideA=" + side.address() + "&" + MAPPING + "&overflowPolicy=TRUNCATE&" + fastTimers());
            awaitOpen();
            side.deliverCall(23, "trunk-1", "2001", CallData.EMPTY);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !eventsOf(CallDelivered.class).isEmpty());
            CallRef call = eventsOf(CallDelivered.class).get(0).call();

            var reply = producer.request(uri, e -> e.getIn()
                    .setBody(new CtiOperation.SetCallData(call, Map.of("customer.name", "y".repeat(50)))));

            assertThat(reply.getMessage().getHeader(UcceConstants.SCREEN_POP_VIOLATIONS))
                    .isEqualTo(1);
            assertThat(side.callDataRequests().get(0).data().callVariables()).containsEntry(2, "y".repeat(40));

            side.clear(23, 0xffff);
            await().atMost(Duration.ofSeconds(5)).until(() -> session().trackedCalls() == 0);
            stopAndAssertNoLeak("truncate", side);
        }
    }

    @Test
    void anUnansweredRequestTimesOutAndARefusedOneCarriesTheServersStatus() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("timeout", "sideA=" + side.address() + "&" + MAPPING + "&" + fastTimers());
            awaitOpen();
            side.deliverCall(24, "trunk-1", "2001", CallData.EMPTY);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !eventsOf(CallDelivered.class).isEmpty());
            CallRef call = eventsOf(CallDelivered.class).get(0).call();

            side.answerRequests(false);
            assertThatThrownBy(() -> producer.requestBody(
                            uri, new CtiOperation.SetCallData(call, Map.of("correlationId", "c-1"))))
                    .cause()
                    .isInstanceOfSatisfying(
                            CtiException.class, e -> assertThat(e.failure()).isEqualTo(CtiFailure.TIMEOUT));

            side.answerRequests(true);
            side.refuseRequests(true);
            assertThatThrownBy(() -> producer.requestBody(
                            uri, new CtiOperation.SetCallData(call, Map.of("correlationId", "c-1"))))
                    .cause()
                    .isInstanceOfSatisfying(CtiException.class, e -> {
                        assertThat(e.failure()).isEqualTo(CtiFailure.REJECTED);
                        assertThat(e.vendorCode()).hasValue(CtiServerSimulator.REFUSED);
                    });
            assertThat(metrics()
                            .count(
                                    "liaison.cti.request.failures",
                                    "message",
                                    "SET_CALL_DATA_REQ",
                                    "failure",
                                    "TIMEOUT"))
                    .isEqualTo(1);

            side.refuseRequests(false);
            side.clear(24, 0xffff);
            await().atMost(Duration.ofSeconds(5)).until(() -> session().trackedCalls() == 0);
            stopAndAssertNoLeak("timeout", side);
        }
    }
}
