package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.api.event.AgentState;
import dev.liaison.cti.api.event.AgentStateChanged;
import dev.liaison.cti.api.event.CallCleared;
import dev.liaison.cti.ucce.link.LinkState;
import dev.liaison.cti.ucce.protocol.AgentMessages;
import dev.liaison.cti.ucce.protocol.CallData;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkDropMidCallResyncsWithoutLostOrDoubledEventsIT extends UcceTestSupport {

    private static final CallData CONTEXT =
            new CallData("+491", "800", null, null, null, null, Map.of(1, "c-drop"), Map.of(), Map.of());

    @Test
    void whatHappenedWhileTheLinkWasDownArrivesOnceAndReplayedEventsAreSuppressed() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("drop", "sideA=" + side.address() + "&" + fastTimers());
            awaitOpen();
            side.agentState("1001", "2001", AgentMessages.AVAILABLE, 0);
            side.deliverCall(31, "trunk-3", "2001", CONTEXT);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);

            side.goIdle(); // drops the link and does not let it back in until goActive
            await().atMost(Duration.ofSeconds(5)).until(() -> session().link().state() != LinkState.OPEN);
            // while the link is down the agent answers: these events are lost on the wire
            side.agentState("1001", "2001", AgentMessages.TALKING, 0);
            side.establish(31);
            side.goActive();

            await().atMost(Duration.ofSeconds(10)).until(() -> side.connections() == 2 && side.sessionOpen());
            // resync fills the gap: agent TALKING and the call established, each once
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventTypes())
                    .containsExactly("agent.state", "call.delivered", "agent.state", "call.established"));

            // a server replaying the last events after the new session must not double them
            side.replayEstablished(31);
            side.agentState("1001", "2001", AgentMessages.TALKING, 0);
            side.clear(31, 0xffff);
            side.agentState("1001", "2001", AgentMessages.WORK_READY, 0);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventTypes())
                    .containsExactly(
                            "agent.state",
                            "call.delivered",
                            "agent.state",
                            "call.established",
                            "call.cleared",
                            "agent.state"));
            assertThat(eventsOf(AgentStateChanged.class))
                    .extracting(AgentStateChanged::state)
                    .containsExactly(AgentState.READY, AgentState.TALKING, AgentState.WORK);
            assertThat(eventsOf(CallCleared.class).get(0).call().correlation()).isPresent();
            assertThat(metrics().count("liaison.cti.events.resynced", "type", "call.established"))
                    .isEqualTo(1);
            assertThat(metrics().count("liaison.cti.events.resynced", "type", "agent.state"))
                    .isEqualTo(1);
            assertThat(metrics().count("liaison.cti.events.duplicates", "type", "call.established"))
                    .isEqualTo(1);
            assertThat(metrics().count("liaison.cti.events.duplicates", "type", "agent.state"))
                    .isEqualTo(1);
            assertThat(metrics().count("liaison.cti.link.reconnects")).isEqualTo(1);
            stopAndAssertNoLeak("drop", side);
        }
    }

    @Test
    void aCallThatEndedWhileTheLinkWasDownIsReportedClearedAfterReconnect() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("gone", "sideA=" + side.address() + "&" + fastTimers());
            awaitOpen();
            side.deliverCall(32, "trunk-3", "2001", CONTEXT);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);

            side.goIdle();
            await().atMost(Duration.ofSeconds(5)).until(() -> session().link().state() != LinkState.OPEN);
            side.clear(32, 0xffff);
            side.goActive();

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(eventTypes()).containsExactly("call.delivered", "call.cleared"));
            assertThat(eventsOf(CallCleared.class).get(0).cause()).isEqualTo("ended while the link was down");
            stopAndAssertNoLeak("gone", side);
        }
    }
}
