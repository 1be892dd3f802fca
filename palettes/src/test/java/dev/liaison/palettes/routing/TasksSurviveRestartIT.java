package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.palettes.PalettesTestApplication;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.context.ResolveRequest;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.testsupport.postgres.TestDatabase;
import dev.liaison.testsupport.postgres.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Queued tasks, their order and an offer in progress are all in PostgreSQL: a node that restarts carries on where the
 * last one stopped, and an offer that expired while no node ran is cleaned up by the first sweep.
 */
class TasksSurviveRestartIT {

    @Test
    void queuedTasksAndAnOpenOfferSurviveARestartAndTheOfferStillExpires() {
        TestDatabase database = TestPostgres.newDatabase();
        List<UUID> tasks = new ArrayList<>();
        UUID ringing;
        UUID first;
        try (ConfigurableApplicationContext node = node(database)) {
            node.getBean(AgentDirectory.class).createSkill("billing", null);
            node.getBean(QueueService.class).create(new QueueSpec("billing", null, "skills HAS 'billing'", 30, 0, 20));
            Agent agent = node.getBean(AgentDirectory.class)
                    .create(new AgentSpec("ann", "Ann", Map.of("billing", 5), null, null), Map.of("voice", 1));
            first = agent.getId();
            node.getBean(AgentStateService.class).goAvailable(agent.getId());
            for (int i = 0; i < 3; i++) {
                UUID correlation = node.getBean(CorrelationService.class)
                        .resolve(new ResolveRequest(null, null, Channel.VOICE))
                        .interaction()
                        .correlationId();
                tasks.add(node.getBean(TaskService.class)
                        .enqueue(new NewTask(correlation, "voice", "billing", null, 0, Map.of()))
                        .getId());
                node.getBean(MutableTestClock.class).advance(Duration.ofSeconds(1));
            }
            node.getBean(RoutingLoop.class).routeUntilIdle();
            ringing = tasks.get(0);
            assertThat(node.getBean(TaskService.class).get(ringing).getStatus()).isEqualTo(TaskStatus.RESERVED);
        }

        try (ConfigurableApplicationContext node = node(database)) {
            TaskService taskService = node.getBean(TaskService.class);
            assertThat(tasks.stream().map(id -> taskService.get(id).getStatus()))
                    .containsExactly(TaskStatus.RESERVED, TaskStatus.PENDING, TaskStatus.PENDING);
            assertThat(node.getBean(AgentDirectory.class).get(first).getState()).isEqualTo(AgentState.RESERVED);

            node.getBean(MutableTestClock.class).advance(Duration.ofSeconds(120));
            // Ann's desktop is alive but she does not answer: the offer expires, she is not signed out
            node.getBean(AgentStateService.class).heartbeat(first);
            Agent second = node.getBean(AgentDirectory.class)
                    .create(new AgentSpec("bob", "Bob", Map.of("billing", 5), null, null), Map.of("voice", 1));
            node.getBean(AgentStateService.class).goAvailable(second.getId());
            node.getBean(RoutingLoop.class).runOnce();

            assertThat(node.getBean(AgentDirectory.class).get(first).getState()).isEqualTo(AgentState.NOT_READY);
            assertThat(taskService.get(ringing).getStatus())
                    .as("the oldest task keeps its place and goes to the next agent")
                    .isEqualTo(TaskStatus.RESERVED);
            assertThat(node.getBean(ReservationRepository.class)
                            .findByTaskIdAndStatus(ringing, ReservationStatus.PENDING)
                            .orElseThrow()
                            .getAgentId())
                    .isEqualTo(second.getId());
            assertThat(taskService.get(tasks.get(1)).getStatus()).isEqualTo(TaskStatus.PENDING);
        }
    }

    private static ConfigurableApplicationContext node(TestDatabase database) {
        return new SpringApplicationBuilder(PalettesTestApplication.class)
                .properties(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "server.port=0",
                        "liaison.acd.loop-enabled=false")
                .run();
    }
}
