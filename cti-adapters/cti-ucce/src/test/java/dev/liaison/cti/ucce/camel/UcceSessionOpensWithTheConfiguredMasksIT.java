package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.ucce.link.LinkState;
import dev.liaison.cti.ucce.protocol.Masks;
import dev.liaison.cti.ucce.protocol.SessionMessages.OpenReq;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.time.Duration;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

class UcceSessionOpensWithTheConfiguredMasksIT extends UcceTestSupport {

    @Test
    void openReqCarriesVersionMasksAndClientAndTheHealthCheckIsUp() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            side.requireCallMask(Masks.CALL_DELIVERED | Masks.CALL_ESTABLISHED | Masks.CALL_CLEARED);
            startCamel(
                    "open", "sideA=" + side.address() + "&clientId=liaison-test&clientPassword=s3cret&" + fastTimers());
            awaitOpen();

            OpenReq open = side.opens().get(0);
            assertThat(open.version()).isEqualTo(13);
            assertThat(open.peripheralId()).isEqualTo(PERIPHERAL);
            assertThat(open.services()).isEqualTo(Masks.DEFAULT_SERVICES);
            assertThat(open.callMsgMask()).isEqualTo(Masks.DEFAULT_CALL_EVENTS);
            assertThat(open.agentStateMask()).isEqualTo(Masks.DEFAULT_AGENT_STATES);
            assertThat(open.idleTimeoutSeconds()).isEqualTo(1); // 4 x 200 ms, at least one second
            assertThat(open.clientId()).isEqualTo("liaison-test");
            assertThat(open.clientPassword()).isEqualTo("s3cret");

            await().atMost(Duration.ofSeconds(5)).until(() -> side.heartbeats() >= 2);
            HealthCheck.Result health = endpoint().getHealthCheck().call();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(health.getDetails()).containsEntry("state", "OPEN").containsEntry("side", "A");
            assertThat(meters.get("liaison.cti.link.connected")
                            .tag("link", "open")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
            assertThat(meters.get("liaison.cti.request.latency")
                            .tag("message", "HEARTBEAT_REQ")
                            .timer()
                            .count())
                    .isPositive();

            stopAndAssertNoLeak("open", side);
        }
    }

    @Test
    void aSessionWithoutTheRequiredServicesIsRefusedAndReportedDown() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            side.grantServices(Masks.SERVICE_CALL_DATA_UPDATE); // not ALL_EVENTS
            startCamel("refused", "sideA=" + side.address() + "&" + fastTimers());

            await().atMost(Duration.ofSeconds(10)).until(() -> side.opens().size() >= 2);
            assertThat(session().link().state()).isNotEqualTo(LinkState.OPEN);
            assertThat(session().link().lastError()).contains("did not grant required services 0x10");
            HealthCheck.Result health = endpoint().getHealthCheck().call();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(endpoint().getHealthCheck().callLiveness().getState())
                    .as("a retrying link is alive: restarting the process would not help")
                    .isEqualTo(HealthCheck.State.UP);
            assertThat(meters.get("liaison.cti.link.connected")
                            .tag("link", "refused")
                            .gauge()
                            .value())
                    .isZero();

            stopAndAssertNoLeak("refused", side);
        }
    }

    @Test
    void anOpenReqLackingAMaskTheServerNeedsIsRefusedWithItsStatus() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            side.requireCallMask(Masks.CALL_DELIVERED);
            startCamel("mask", "sideA=" + side.address() + "&callMsgMask=" + Masks.CALL_CLEARED + "&" + fastTimers());

            await().atMost(Duration.ofSeconds(10)).until(() -> side.opens().size() >= 2);
            assertThat(side.opens().get(0).callMsgMask()).isEqualTo(Masks.CALL_CLEARED);
            assertThat(session().link().lastError()).contains("OPEN_REQ refused, status 7");

            stopAndAssertNoLeak("mask", side);
        }
    }
}
