package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.api.event.AgentState;
import dev.liaison.cti.api.event.AgentStateChanged;
import dev.liaison.cti.api.event.CallCleared;
import dev.liaison.cti.api.event.CallDelivered;
import dev.liaison.cti.api.event.CallEstablished;
import dev.liaison.cti.api.event.CallHeld;
import dev.liaison.cti.api.event.CallTransferred;
import dev.liaison.cti.api.event.ContactQueued;
import dev.liaison.cti.api.identity.CorrelationId;
import dev.liaison.cti.api.identity.PeripheralCallId;
import dev.liaison.cti.api.identity.RouterCallKey;
import dev.liaison.cti.ucce.protocol.AgentMessages;
import dev.liaison.cti.ucce.protocol.CallData;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

class CallEventStreamIsDecodedIntoCtiEventsIT extends UcceTestSupport {

    @Test
    void aQueuedDeliveredAnsweredHeldTransferredAndClearedCallArrivesAsCtiEventsInOrder() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("stream", "sideA=" + side.address() + "&screenPop=correlationId=CallVariable1&" + fastTimers());
            awaitOpen();

            CallData data = new CallData(
                    "+4930123456",
                    "8005550100",
                    "8005550100",
                    "42",
                    150_000L,
                    77L,
                    Map.of(1, "c-abc-1", 2, "gold"),
                    Map.of("user.page", "/pricing"),
                    Map.of("user.history[0]", "/home"));
            side.agentState("1001", "2001", AgentMessages.AVAILABLE, 0);
            side.queueCall(11, "trunk-7", 3, "sales-queue");
            side.dequeueCall(11, 3, "sales-queue");
            side.deliverCall(11, "trunk-7", "2001", data);
            side.agentState("1001", "2001", AgentMessages.TALKING, 0);
            side.establish(11);
            side.hold(11);
            side.retrieve(11);
            side.transfer(11, 12, "2002");
            side.establish(12);
            side.clear(12, 0xffff);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventTypes())
                    .containsExactly(
                            "agent.state",
                            "contact.queued",
                            "contact.dequeued",
                            "call.delivered",
                            "agent.state",
                            "call.established",
                            "call.held",
                            "call.retrieved",
                            "call.transferred",
                            "call.established",
                            "call.cleared"));

            AgentStateChanged ready = eventsOf(AgentStateChanged.class).get(0);
            assertThat(ready.agentId()).isEqualTo("1001");
            assertThat(ready.instrument()).isEqualTo("2001");
            assertThat(ready.state()).isEqualTo(AgentState.READY);
            assertThat(ready.vendorState()).isEqualTo("AVAILABLE");
            assertThat(ready.link()).isEqualTo("stream");
            assertThat(eventsOf(ContactQueued.class).get(0).queue()).isEqualTo("sales-queue");

            CallDelivered delivered = eventsOf(CallDelivered.class).get(0);
            assertThat(delivered.call().callId()).isEqualTo(new PeripheralCallId(PERIPHERAL, 11));
            assertThat(delivered.call().enterpriseId()).isEqualTo(new RouterCallKey(150_000, 77));
            assertThat(delivered.call().correlationId()).isEqualTo(new CorrelationId("c-abc-1"));
            assertThat(delivered.alertingDevice()).isEqualTo("2001");
            assertThat(delivered.agentId()).isEqualTo("1001");
            assertThat(delivered.ani()).isEqualTo("+4930123456");
            assertThat(delivered.dnis()).isEqualTo("8005550100");
            assertThat(delivered.callData())
                    .containsEntry("CallVariable1", "c-abc-1")
                    .containsEntry("CallVariable2", "gold")
                    .containsEntry("user.page", "/pricing")
                    .containsEntry("user.history[0]", "/home");

            assertThat(eventsOf(CallEstablished.class).get(0).answeringDevice()).isEqualTo("2001");
            assertThat(eventsOf(CallHeld.class).get(0).holdingDevice()).isEqualTo("2001");
            CallTransferred transferred = eventsOf(CallTransferred.class).get(0);
            assertThat(transferred.from().callId()).isEqualTo(new PeripheralCallId(PERIPHERAL, 11));
            assertThat(transferred.call().callId()).isEqualTo(new PeripheralCallId(PERIPHERAL, 12));
            assertThat(transferred.call().correlationId())
                    .as("context survives the transfer")
                    .isEqualTo(new CorrelationId("c-abc-1"));
            assertThat(transferred.transferredTo()).isEqualTo("2002");
            CallCleared cleared = eventsOf(CallCleared.class).get(0);
            assertThat(cleared.call().correlationId()).isEqualTo(new CorrelationId("c-abc-1"));
            assertThat(cleared.cause()).isEqualTo("none");

            assertThat(metrics().count("liaison.cti.events", "type", "call.established"))
                    .isEqualTo(2);
            stopAndAssertNoLeak("stream", side);
        }
    }

    @Test
    void aFailingRouteGoesToTheExceptionHandlerAndTheLinkKeepsDelivering() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("failing", "sideA=" + side.address() + "&" + fastTimers());
            context.getRouteController().stopRoute("cti-events-failing");
            context.removeRoute("cti-events-failing");
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("failing").process(e -> {
                        seen.add(e.getIn().getHeader(UcceConstants.EVENT_TYPE, String.class));
                        if ("1001".equals(e.getIn().getHeader(UcceConstants.AGENT_ID))) {
                            throw new IllegalStateException("route bug");
                        }
                    });
                }
            });
            awaitOpen();
            NotifyBuilder failed = new NotifyBuilder(context).whenFailed(1).create();

            side.agentState("1001", "2001", AgentMessages.AVAILABLE, 0);
            side.agentState("1002", "2002", AgentMessages.AVAILABLE, 0);

            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
            assertThat(failed.matches()).isTrue();
            assertThat(session().link().state()).isEqualTo(dev.liaison.cti.ucce.link.LinkState.OPEN);
            stopAndAssertNoLeak("failing", side);
        }
    }
}
