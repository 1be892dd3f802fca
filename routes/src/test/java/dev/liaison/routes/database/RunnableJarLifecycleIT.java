package dev.liaison.routes.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.routes.support.LiaisonProcess;
import dev.liaison.routes.support.PostgresProcesses;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it: first start on an empty data directory, SIGTERM, restart on the same data,
 * SIGKILL (the embedded server is left running), and a start after the crash that takes the directory back.
 */
class RunnableJarLifecycleIT {

    @TempDir
    Path work;

    @Test
    void sigtermStopsCleanlyAndACrashDoesNotBlockTheNextStart() throws Exception {
        Path data = work.resolve("data");
        int dbPort = LiaisonProcess.freePort();
        String[] args = {"--liaison.embedded-db.data-directory=" + data, "--liaison.embedded-db.port=" + dbPort};

        try (LiaisonProcess first = LiaisonProcess.start(work, LiaisonProcess.freePort(), args)) {
            first.awaitHealthy();
            assertThat(first.output()).contains("(initialized)");

            int exit = first.terminate();

            assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(first.output()).contains("Embedded PostgreSQL stopped").doesNotContain("\tat ");
        }
        assertThat(PostgresProcesses.servingDataDirectory(data)).isEmpty();

        try (LiaisonProcess second = LiaisonProcess.start(work, LiaisonProcess.freePort(), args)) {
            second.awaitHealthy();
            assertThat(second.output()).contains("(reused)");
            assertThat(auditActions(dbPort)).containsExactly("node.started", "node.stopped", "node.started");

            second.kill();
        }
        assertThat(PostgresProcesses.servingDataDirectory(data))
                .as("SIGKILL leaves the embedded server running")
                .isNotEmpty();

        try (LiaisonProcess third = LiaisonProcess.start(work, LiaisonProcess.freePort(), args)) {
            third.awaitHealthy();
            assertThat(third.output()).contains("from an earlier run still holds");
            assertThat(auditActions(dbPort)).endsWith("node.started", "node.started");

            assertThat(third.terminate()).isIn(0, 143);
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(PostgresProcesses.servingDataDirectory(data)).isEmpty());
    }

    private static List<String> auditActions(int dbPort) throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + dbPort + "/liaison", "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT action FROM audit_event ORDER BY id")) {
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
        }
        return actions;
    }
}
