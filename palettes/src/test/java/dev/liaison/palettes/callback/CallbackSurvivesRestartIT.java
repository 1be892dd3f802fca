package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.palettes.PalettesTestApplication;
import dev.liaison.palettes.routing.TaskQueue;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.testsupport.postgres.TestDatabase;
import dev.liaison.testsupport.postgres.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A scheduled callback lives in PostgreSQL, not in a node's memory: requested on one node that then stops, it fires
 * on the node that starts next.
 */
class CallbackSurvivesRestartIT {

    @Test
    void aScheduledCallbackSurvivesARestartAndFiresOnTheNextNode() {
        TestDatabase database = TestPostgres.newDatabase();
        UUID callbackId;
        UUID contact;
        Instant at;
        try (ConfigurableApplicationContext node = node(database)) {
            CallbackFixture fixture = new CallbackFixture(node);
            TaskQueue queue = fixture.queue(0);
            contact = fixture.contact();
            at = node.getBean(MutableTestClock.class).instant().plus(Duration.ofMinutes(15));
            Callback callback = node.getBean(CallbackService.class).request(fixture.at(contact, queue, at), "customer");
            callbackId = callback.getId();
            assertThat(callback.getState()).isEqualTo(CallbackState.SCHEDULED);
        }

        try (ConfigurableApplicationContext node = node(database)) {
            CallbackFixture fixture = new CallbackFixture(node);
            CallbackService callbacks = node.getBean(CallbackService.class);
            assertThat(callbacks.get(callbackId).getState()).isEqualTo(CallbackState.SCHEDULED);
            assertThat(fixture.executionTime(callbackId, 1)).isEqualTo(at);

            node.getBean(MutableTestClock.class).advance(Duration.ofMinutes(16));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> callbacks.get(callbackId).getState() == CallbackState.QUEUED);

            Callback queued = callbacks.get(callbackId);
            assertThat(node.getBean(TaskService.class).get(queued.getTaskId()).getStatus())
                    .isEqualTo(TaskStatus.PENDING);
            assertThat(fixture.tasksOf(contact)).containsExactly(queued.getTaskId());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> fixture.scheduledExecutions(callbackId).isEmpty());
            callbacks.cancel(callbackId, "test done", "admin");
            CallbackLeakChecks.assertNothingLeaked(node.getBean(JdbcTemplate.class));
        }
    }

    private static ConfigurableApplicationContext node(TestDatabase database) {
        return new SpringApplicationBuilder(PalettesTestApplication.class)
                .properties(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "server.port=0",
                        "liaison.acd.loop-enabled=false",
                        "db-scheduler.polling-interval=1s")
                .run();
    }
}
