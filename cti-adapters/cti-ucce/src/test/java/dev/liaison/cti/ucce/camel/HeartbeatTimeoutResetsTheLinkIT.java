package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.ucce.link.LinkState;
import dev.liaison.cti.ucce.protocol.AgentMessages;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatTimeoutResetsTheLinkIT extends UcceTestSupport {

    @Test
    void aServerThatStopsConfirmingHeartbeatsIsDetectedAndTheLinkReconnects() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("heartbeat", "sideA=" + side.address() + "&" + fastTimers());
            awaitOpen();
            await().atMost(Duration.ofSeconds(5)).until(() -> side.heartbeats() >= 1);

            side.stopAnsweringHeartbeats(); // the TCP connection stays up: only heartbeats reveal the dead peer

            await().atMost(Duration.ofSeconds(10)).until(() -> metrics().count("liaison.cti.heartbeat.timeouts") >= 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> side.connections() >= 2);
            assertThat(session().link().lastError())
                    .satisfiesAnyOf(e -> assertThat(e).contains("heartbeat not confirmed"), e -> assertThat(e)
                            .isNull());

            side.answerHeartbeats();
            await().atMost(Duration.ofSeconds(10)).until(() -> session().link().state() == LinkState.OPEN);
            int before = events.size();
            side.agentState("1001", "2001", AgentMessages.AVAILABLE, 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == before + 1);
            assertThat(metrics().count("liaison.cti.link.reconnects")).isGreaterThanOrEqualTo(1);
            stopAndAssertNoLeak("heartbeat", side);
        }
    }
}
