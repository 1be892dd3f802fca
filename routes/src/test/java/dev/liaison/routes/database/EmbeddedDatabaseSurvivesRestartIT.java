package dev.liaison.routes.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.routes.LiaisonApplication;
import dev.liaison.routes.system.SystemInfoService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With no spring.datasource.url the application runs its own PostgreSQL, and its data outlives the application. */
class EmbeddedDatabaseSurvivesRestartIT {

    @TempDir
    Path dataDirectory;

    @Test
    void secondStartReusesTheDataDirectoryAndKeepsTheRows() {
        int migrations;
        try (ConfigurableApplicationContext first = start()) {
            migrations = applied(first);
            assertThat(migrations).isPositive();
            assertThat(first.getBean(EmbeddedDatabaseServer.class).initialized())
                    .isTrue();
            assertThat(first.getBean(SystemInfoService.class)
                            .current()
                            .database()
                            .mode())
                    .isEqualTo("embedded");
        }
        assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(EmbeddedDatabaseServer.class).initialized())
                    .isFalse();
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT action FROM audit_event ORDER BY id", String.class))
                    .containsExactly("node.started", "node.stopped", "node.started");
            assertThat(applied(second))
                    .as("migrations ran once, on the first start")
                    .isEqualTo(migrations);
        }

        assertThat(dataDirectory.resolve("postmaster.pid"))
                .as("the server stopped with the application")
                .doesNotExist();
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();
    }

    private static int applied(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LiaisonApplication.class)
                .run(
                        "--server.port=0",
                        "--liaison.sip.port=0",
                        "--liaison.sip.bind-address=127.0.0.1",
                        "--liaison.media.mux.port=0",
                        "--liaison.media.mux.bind-address=127.0.0.1",
                        "--spring.datasource.url=",
                        "--liaison.embedded-db.data-directory=" + dataDirectory);
    }
}
