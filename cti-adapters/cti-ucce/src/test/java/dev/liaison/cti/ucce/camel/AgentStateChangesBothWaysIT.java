package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import dev.liaison.cti.api.event.AgentState;
import dev.liaison.cti.api.event.AgentStateChanged;
import dev.liaison.cti.api.event.CallRef;
import dev.liaison.cti.api.identity.PeripheralCallId;
import dev.liaison.cti.api.operation.CtiOperation;
import dev.liaison.cti.ucce.protocol.AgentMessages;
import dev.liaison.cti.ucce.protocol.AgentMessages.SetAgentStateReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.MakeCallReq;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentStateChangesBothWaysIT extends UcceTestSupport {

    @Test
    void liaisonSetsTheAgentsStateAndTheContactCenterReportsItsOwnChanges() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("agents", "sideA=" + side.address() + "&" + fastTimers());
            awaitOpen();

            producer.requestBody(uri, new CtiOperation.AgentLogin("1001", "2001", "pw"));
            producer.requestBody(uri, new CtiOperation.SetAgentState("1001", "2001", AgentState.READY, null));

            SetAgentStateReq login = side.agentStateRequests().get(0);
            assertThat(login.agentState()).isEqualTo(AgentMessages.LOGIN);
            assertThat(login.agentId()).isEqualTo("1001");
            assertThat(login.instrument()).isEqualTo("2001");
            assertThat(login.password()).isEqualTo("pw");
            assertThat(login.peripheralId()).isEqualTo(PERIPHERAL);
            assertThat(side.agentStateRequests().get(1).agentState()).isEqualTo(AgentMessages.AVAILABLE);

            // the contact center's own change (the agent pressed Not Ready on the phone, reason 5)
            side.agentState("1001", "2001", AgentMessages.NOT_READY, 5);

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> eventsOf(AgentStateChanged.class).size() == 3);
            assertThat(eventsOf(AgentStateChanged.class))
                    .extracting(AgentStateChanged::state)
                    .containsExactly(AgentState.NOT_READY, AgentState.READY, AgentState.NOT_READY);
            assertThat(eventsOf(AgentStateChanged.class).get(2).reasonCode()).isEqualTo(5);

            producer.requestBody(uri, new CtiOperation.AgentLogout("1001", "2001", 9));
            assertThat(side.agentStateRequests().get(2).agentState()).isEqualTo(AgentMessages.LOGOUT);
            assertThat(side.agentStateRequests().get(2).reasonCode()).isEqualTo(9);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> eventsOf(AgentStateChanged.class).size() == 4
                            && eventsOf(AgentStateChanged.class).get(3).state() == AgentState.LOGGED_OUT);
            stopAndAssertNoLeak("agents", side);
        }
    }

    @Test
    void makeCallPlacesTheCallWithContextAndReturnsItsReference() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("make", "sideA=" + side.address() + "&screenPop=correlationId=CallVariable1&" + fastTimers());
            awaitOpen();

            CallRef call = producer.requestBody(
                    uri, new CtiOperation.MakeCall("2001", "+4930555", Map.of("correlationId", "cb-9")), CallRef.class);

            MakeCallReq req = side.makeCallRequests().get(0);
            assertThat(req.instrument()).isEqualTo("2001");
            assertThat(req.dialedNumber()).isEqualTo("+4930555");
            assertThat(req.data().callVariables()).isEqualTo(Map.of(1, "cb-9"));
            assertThat(call.callId()).isInstanceOf(PeripheralCallId.class);
            long newCall = ((PeripheralCallId) call.callId()).connectionCallId();
            assertThat(side.call(newCall)).isNotNull();

            side.clear(newCall, 0xffff);
            await().atMost(Duration.ofSeconds(5)).until(() -> session().trackedCalls() == 0);
            stopAndAssertNoLeak("make", side);
        }
    }

    @Test
    void aStateAnAgentCannotAskForAndAnOperationNotImplementedAreTypedErrors() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("invalid", "sideA=" + side.address() + "&" + fastTimers());
            awaitOpen();

            assertThatThrownBy(() -> producer.requestBody(
                            uri, new CtiOperation.SetAgentState("1001", "2001", AgentState.TALKING, null)))
                    .cause()
                    .isInstanceOfSatisfying(
                            CtiException.class, e -> assertThat(e.failure()).isEqualTo(CtiFailure.INVALID));
            assertThatThrownBy(() -> producer.requestBody(
                            uri,
                            new CtiOperation.TransferCall(
                                    CallRef.of(new PeripheralCallId(PERIPHERAL, 1)), "2001", "2002")))
                    .cause()
                    .isInstanceOfSatisfying(
                            CtiException.class, e -> assertThat(e.failure()).isEqualTo(CtiFailure.UNSUPPORTED));
            assertThatThrownBy(() -> producer.requestBody(
                            uri, new CtiOperation.HoldCall(CallRef.of(new PeripheralCallId(PERIPHERAL, 1)), "2001")))
                    .cause()
                    .isInstanceOfSatisfying(CtiException.class, e -> {
                        assertThat(e.failure()).isEqualTo(CtiFailure.INVALID);
                        assertThat(e.getMessage()).contains("not known on this link");
                    });
            assertThat(side.agentStateRequests()).isEmpty();
            stopAndAssertNoLeak("invalid", side);
        }
    }
}
