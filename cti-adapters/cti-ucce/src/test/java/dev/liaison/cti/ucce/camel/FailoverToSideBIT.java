package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.ucce.link.LinkState;
import dev.liaison.cti.ucce.link.Side;
import dev.liaison.cti.ucce.protocol.AgentMessages;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.time.Duration;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

class FailoverToSideBIT extends UcceTestSupport {

    @Test
    void whenSideAGoesDownTheLinkOpensOnSideBAndEventsKeepFlowing() throws Exception {
        try (CtiServerSimulator a = new CtiServerSimulator("a", PERIPHERAL).start();
                CtiServerSimulator b = new CtiServerSimulator("b", PERIPHERAL).start()) {
            b.goIdle(); // standby side: not listening
            startCamel("duplex", "sideA=" + a.address() + "&sideB=" + b.address() + "&" + fastTimers());
            awaitOpen();
            assertThat(session().link().side()).isEqualTo(Side.A);
            a.agentState("1001", "2001", AgentMessages.AVAILABLE, 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);

            // the PG fails over: A goes down, B becomes active
            b.goActive();
            a.goIdle();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> session().link().state() == LinkState.OPEN
                            && session().link().side() == Side.B);
            assertThat(b.opens()).hasSize(1);
            assertThat(endpoint().getHealthCheck().call().getDetails()).containsEntry("side", "B");
            assertThat(endpoint().getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(metrics().count("liaison.cti.link.opens", "side", "B")).isEqualTo(1);
            assertThat(metrics().count("liaison.cti.link.reconnects")).isEqualTo(1);

            b.agentState("1001", "2001", AgentMessages.NOT_READY, 2);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(eventTypes()).containsExactly("agent.state", "agent.state"));

            // and back: B fails, A is active again
            a.goActive();
            b.goIdle();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> session().link().state() == LinkState.OPEN
                            && session().link().side() == Side.A);
            assertThat(a.opens()).hasSize(2);
            stopAndAssertNoLeak("duplex", a, b);
        }
    }
}
