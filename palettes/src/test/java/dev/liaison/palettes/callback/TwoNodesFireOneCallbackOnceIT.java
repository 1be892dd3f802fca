package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.palettes.PalettesTestApplication;
import dev.liaison.palettes.routing.TaskQueue;
import dev.liaison.testsupport.postgres.TestDatabase;
import dev.liaison.testsupport.postgres.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one database, both polling db-scheduler every second on the real clock: every callback
 * that falls due is queued exactly once, whichever node picks it.
 */
class TwoNodesFireOneCallbackOnceIT {

    private static final int CALLBACKS = 12;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @Test
    void twoNodesQueueEachDueCallbackExactlyOnce() {
        TestDatabase database = TestPostgres.newDatabase();
        ConfigurableApplicationContext a = node(database, "node-a");
        ConfigurableApplicationContext b = node(database, "node-b");
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        TaskQueue queue = new CallbackFixture(a).queue(0);

        List<UUID> callbacks = new ArrayList<>();
        List<UUID> contacts = new ArrayList<>();
        Instant due = Clock.systemUTC().instant().plusSeconds(2);
        for (int i = 0; i < CALLBACKS; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? a : b;
            CallbackFixture fixture = new CallbackFixture(node);
            UUID contact = fixture.contact();
            contacts.add(contact);
            callbacks.add(node.getBean(CallbackService.class)
                    .request(fixture.at(contact, queue, due), "customer")
                    .getId());
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM callback WHERE state = 'QUEUED'", Integer.class)
                        == CALLBACKS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class) == 0);

        CallbackFixture fixture = new CallbackFixture(a);
        for (int i = 0; i < CALLBACKS; i++) {
            assertThat(fixture.tasksOf(contacts.get(i)))
                    .as("tasks of callback " + i)
                    .hasSize(1);
            assertThat(fixture.timelineTypes(contacts.get(i)).stream()
                            .filter(CallbackTimeline.QUEUED::equals)
                            .count())
                    .as("queued events of callback " + i)
                    .isEqualTo(1);
            assertThat(a.getBean(CallbackService.class).get(callbacks.get(i)).getAttempts())
                    .isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM task WHERE channel = 'callback'", Integer.class))
                .isEqualTo(CALLBACKS);
        CallbackLeakChecks.assertNothingLeaked(jdbc);
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext node(TestDatabase database, String name) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(PalettesTestApplication.class)
                .properties(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "server.port=0",
                        "liaison.acd.loop-enabled=false",
                        "liaison.test.clock=system",
                        "db-scheduler.polling-interval=1s",
                        "db-scheduler.scheduler-name=" + name)
                .run();
        nodes.add(node);
        return node;
    }
}
