package dev.liaison.routes.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.routes.support.LiaisonProcess;
import dev.liaison.testsupport.postgres.TestDatabase;
import dev.liaison.testsupport.postgres.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that cannot succeed stops with a non-zero exit and one reason that names the setting to change, without
 * stack traces.
 */
class StartupFailureNamesTheSettingIT {

    @TempDir
    Path work;

    @Test
    void unreachableDatabaseNamesSpringDatasourceUrl() {
        int closedPort = LiaisonProcess.freePort();

        String output = failedStart(
                LiaisonProcess.freePort(),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/liaison",
                "--spring.datasource.username=liaison");

        assertThat(output)
                .contains("Liaison cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort)
                .contains("Check spring.datasource.url");
    }

    @Test
    void httpPortInUseNamesServerPort() throws IOException {
        TestDatabase database = TestPostgres.newDatabase();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            String output = failedStart(taken.getLocalPort(), datasource(database));

            assertThat(output)
                    .contains("port " + taken.getLocalPort() + " is already in use")
                    .contains("Set server.port");
        }
    }

    @Test
    void failingMigrationNamesTheMigrationAndLeavesTheSchemaAsItWas() throws Exception {
        TestDatabase database = TestPostgres.newDatabase();
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        try (InputStream v1 = getClass().getResourceAsStream("/db/migration/V1__audit_log.sql")) {
            Files.copy(v1, migrations.resolve("V1__audit_log.sql"));
        }
        Files.writeString(
                migrations.resolve("V2__broken.sql"), "CREATE TABLE half_done (id BIGINT);\nTHIS IS NOT SQL;\n");

        String output = failedStart(
                LiaisonProcess.freePort(),
                datasource(database)[0],
                datasource(database)[1],
                "--spring.flyway.locations=filesystem:" + migrations);

        assertThat(output)
                .contains("Liaison could not migrate its database schema: Script V2__broken.sql failed")
                .contains("syntax error")
                .contains("spring.flyway.locations");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                Statement statement = connection.createStatement()) {
            assertThat(scalar(statement, "SELECT max(version) FROM flyway_schema_history WHERE success"))
                    .isEqualTo("1");
            assertThat(scalar(statement, "SELECT to_regclass('half_done')::text"))
                    .as("the failed migration was rolled back")
                    .isNull();
        }
    }

    @Test
    void unwritableEmbeddedDataDirectoryNamesTheSetting() throws IOException {
        Path notADirectory = Files.writeString(work.resolve("a-file"), "not a directory");

        String output = failedStart(
                LiaisonProcess.freePort(), "--liaison.embedded-db.data-directory=" + notADirectory.resolve("data"));

        assertThat(output)
                .contains("Liaison could not start its embedded database")
                .contains("liaison.embedded-db.data-directory");
    }

    @Test
    void aDefaultLookingBootstrapPasswordOutsideDevelopmentNamesTheSetting() {
        TestDatabase database = TestPostgres.newDatabase();

        String output = failedStart(
                LiaisonProcess.freePort(),
                datasource(database)[0],
                datasource(database)[1],
                "--liaison.security.bootstrap-admin.password=changeme");

        assertThat(output)
                .contains("Liaison will not create its first administrator")
                .contains("liaison.security.bootstrap-admin.password");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                Statement statement = connection.createStatement()) {
            // the start may stop before or after the migrations ran; either way nobody was created
            if (scalar(statement, "SELECT to_regclass('user_account')::text") != null) {
                assertThat(scalar(statement, "SELECT count(*)::text FROM user_account"))
                        .as("nobody was created")
                        .isEqualTo("0");
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String failedStart(int port, String... args) {
        try (LiaisonProcess process = LiaisonProcess.start(work, port, args)) {
            int exit = process.awaitExit();
            String output = process.output();
            assertThat(exit).as("exit code of a failed start\n" + output).isNotZero();
            assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
            return output;
        }
    }

    private static String[] datasource(TestDatabase database) {
        return new String[] {
            "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username()
        };
    }

    private static String scalar(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
