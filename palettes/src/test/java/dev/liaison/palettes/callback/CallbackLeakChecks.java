package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/** What must hold between callbacks, their tasks and their scheduler executions once a test is done. */
final class CallbackLeakChecks {

    private CallbackLeakChecks() {}

    static void assertNothingLeaked(JdbcTemplate jdbc) {
        assertThat(count(
                        jdbc,
                        "SELECT count(*) FROM callback c WHERE c.state IN ('SCHEDULED', 'RETRY_SCHEDULED') AND NOT EXISTS"
                                + " (SELECT 1 FROM scheduled_tasks s WHERE s.task_name = 'callback-attempt'"
                                + " AND s.task_instance = c.id || '#' || (c.attempts + 1))"))
                .as("every waiting callback has its pending scheduler execution")
                .isZero();
        assertThat(count(
                        jdbc,
                        "SELECT count(*) FROM callback c JOIN task t ON t.id = c.task_id WHERE"
                                + " (c.state = 'QUEUED' AND t.status NOT IN ('PENDING', 'RESERVED'))"
                                + " OR (c.state = 'IN_PROGRESS' AND t.status NOT IN ('ASSIGNED', 'WRAPPING'))"))
                .as("every attempting callback's task is where the callback says")
                .isZero();
        assertThat(count(
                        jdbc,
                        "SELECT count(*) FROM task t WHERE t.channel = 'callback' AND t.status IN ('PENDING', 'RESERVED')"
                                + " AND NOT EXISTS (SELECT 1 FROM callback c WHERE c.task_id = t.id"
                                + " AND c.state = 'QUEUED')"))
                .as("no callback task waits for an agent without its callback")
                .isZero();
        // db-scheduler removes an execution just after its handler commits; give it that moment
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count(
                        jdbc,
                        "SELECT count(*) FROM scheduled_tasks s WHERE s.task_name = 'callback-attempt' AND NOT"
                                + " EXISTS (SELECT 1 FROM callback c WHERE c.state IN ('SCHEDULED',"
                                + " 'RETRY_SCHEDULED') AND s.task_instance = c.id || '#' || (c.attempts + 1))"))
                .as("no orphan scheduler execution")
                .isZero());
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class);
        return count == null ? 0 : count;
    }
}
