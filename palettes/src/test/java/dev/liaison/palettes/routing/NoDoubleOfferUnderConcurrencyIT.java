package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.palettes.PalettesTestApplication;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.context.ResolveRequest;
import dev.liaison.palettes.web.ApiException;
import dev.liaison.testsupport.postgres.TestDatabase;
import dev.liaison.testsupport.postgres.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one database route many concurrent contacts while simulated agents accept and finish them
 * through either node. No task may be offered to two agents at once or accepted twice, and no agent may ever hold
 * more tasks on a channel than their capacity.
 */
class NoDoubleOfferUnderConcurrencyIT {

    private static final int AGENTS = 30;
    private static final int TASKS = 240;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private static final int DESKTOPS = 4;

    private final ExecutorService workers = Executors.newFixedThreadPool(1 + DESKTOPS);
    private final ExecutorService arrivals = Executors.newFixedThreadPool(6);

    @Test
    void twoNodesNeverOfferOneTaskTwiceNorFillAnAgentBeyondCapacity() throws Exception {
        TestDatabase database = TestPostgres.newDatabase();
        ConfigurableApplicationContext a = node(database);
        ConfigurableApplicationContext b = node(database);
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);

        a.getBean(AgentDirectory.class).createSkill("support", null);
        a.getBean(QueueService.class).create(new QueueSpec("support", null, "skills HAS 'support'", 60, 0, 20));
        List<UUID> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            Agent agent = a.getBean(AgentDirectory.class)
                    .create(
                            new AgentSpec("agent" + i, "Agent " + i, Map.of("support", 5), Map.of("chat", 2), null),
                            Map.of("voice", 1, "chat", 2));
            nodeFor(i).getBean(AgentStateService.class).goAvailable(agent.getId());
            agents.add(agent.getId());
        }

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        workers.submit(() -> watchCapacity(jdbc, running, violations));
        for (int desktop = 0; desktop < DESKTOPS; desktop++) {
            List<UUID> slice = new ArrayList<>();
            for (int i = desktop; i < agents.size(); i += DESKTOPS) {
                slice.add(agents.get(i));
            }
            workers.submit(() -> actAsAgents(slice, running));
        }
        List<UUID> tasks = new ArrayList<>();
        List<java.util.concurrent.Future<UUID>> created = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            ConfigurableApplicationContext node = nodeFor(i);
            String channel = i % 3 == 0 ? "voice" : "chat";
            created.add(arrivals.submit(() -> enqueue(node, channel)));
        }
        for (var future : created) {
            tasks.add(future.get(60, TimeUnit.SECONDS));
        }

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM task WHERE status = 'COMPLETED'", Integer.class)
                        == TASKS);
        running.set(false);

        assertThat(violations)
                .as("moments an agent held more tasks than their capacity")
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM (SELECT task_id FROM reservation WHERE status = 'ACCEPTED'"
                                + " GROUP BY task_id HAVING count(*) <> 1) t",
                        Integer.class))
                .as("tasks accepted other than exactly once")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(DISTINCT task_id) FROM reservation WHERE status = 'ACCEPTED'", Integer.class))
                .isEqualTo(tasks.size());
        double offersA = a.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("liaison.acd.offers")
                .count();
        double offersB = b.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("liaison.acd.offers")
                .count();
        assertThat(offersA + offersB)
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM reservation", Integer.class)
                        .doubleValue());
        assertThat(offersA).as("node A routed").isPositive();
        assertThat(offersB).as("node B routed").isPositive();
    }

    private ConfigurableApplicationContext node(TestDatabase database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PalettesTestApplication.class)
                .properties(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "server.port=0",
                        "liaison.test.clock=system",
                        "liaison.acd.routing-interval=50ms")
                .run();
        nodes.add(context);
        return context;
    }

    private ConfigurableApplicationContext nodeFor(int i) {
        return nodes.get(i % nodes.size());
    }

    private UUID enqueue(ConfigurableApplicationContext node, String channel) {
        UUID correlation = node.getBean(CorrelationService.class)
                .resolve(new ResolveRequest(null, null, Channel.CHAT))
                .interaction()
                .correlationId();
        return node.getBean(TaskService.class)
                .enqueue(new NewTask(correlation, channel, "support", null, 0, Map.of()))
                .getId();
    }

    /**
     * Desktops of a few agents: each accepts every offer through a random node and ends the task at once, also through
     * a random node.
     */
    private void actAsAgents(List<UUID> agents, AtomicBoolean running) {
        while (running.get()) {
            boolean acted = false;
            for (UUID agent : agents) {
                acted |= actAsAgent(agent);
            }
            if (!acted) {
                try {
                    TimeUnit.MILLISECONDS.sleep(10); // desktops poll their offers; not a test wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean actAsAgent(UUID agent) {
        try {
            ConfigurableApplicationContext node =
                    nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
            var offer =
                    node.getBean(ReservationRepository.class).findByAgentIdAndStatus(agent, ReservationStatus.PENDING);
            if (offer.isEmpty()) {
                return false;
            }
            Task task =
                    node.getBean(ReservationService.class).accept(offer.get().getId(), agent);
            nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()))
                    .getBean(TaskService.class)
                    .end(task.getId(), "agent");
            return true;
        } catch (ApiException e) {
            return false; // the offer moved on (decided elsewhere): a desktop shows that and carries on
        }
    }

    private static void watchCapacity(
            JdbcTemplate jdbc, AtomicBoolean running, ConcurrentLinkedQueue<String> violations) {
        while (running.get()) {
            violations.addAll(jdbc.queryForList(
                    "SELECT a.login || ' holds ' || count(*) || ' ' || t.channel FROM task t JOIN agent a ON a.id = t.agent_id"
                            + " WHERE t.status IN ('ASSIGNED', 'WRAPPING')"
                            + " GROUP BY a.login, t.channel, a.capacity"
                            + " HAVING count(*) > coalesce((a.capacity ->> t.channel)::int, 0)",
                    String.class));
        }
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        workers.shutdownNow();
        arrivals.shutdownNow();
        assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(arrivals.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        nodes.forEach(ConfigurableApplicationContext::close);
        assertThat(nodes).allSatisfy(node -> assertThat(node.isActive()).isFalse());
    }
}
