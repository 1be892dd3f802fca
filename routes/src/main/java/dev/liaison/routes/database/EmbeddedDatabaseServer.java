package dev.liaison.routes.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the application itself, on a data directory that outlives the process.
 *
 * <p>Started once at boot, stopped (fast shutdown) when the application context closes. A server left running by a
 * previous process that was killed is stopped first, so a crash never blocks the next start.
 */
public final class EmbeddedDatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);
    static final String SUPERUSER = "postgres";
    private static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final String database;
    private final boolean initialized;

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres, String database, boolean initialized) {
        this.postgres = postgres;
        this.database = database;
        this.initialized = initialized;
    }

    /** Starts the server on the configured data directory, creating the directory and the database when new. */
    public static EmbeddedDatabaseServer start(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new EmbeddedDatabaseStartException(
                    dataDirectory, "cannot create the data directory " + dataDirectory + " (" + e + ")", e);
        }
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        if (!fresh) {
            // initdb wants an empty directory, so only an initialized one can carry the lock file yet.
            requireNotInUse(dataDirectory);
            StalePostmaster.stopIfRunning(dataDirectory);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(properties.port())
                    .setPGStartupWait(properties.startupTimeout())
                    .setServerConfig("listen_addresses", "localhost")
                    // The embedded server is the system of record in the default run: commits are durable.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseStartException(
                    dataDirectory,
                    "the embedded PostgreSQL server did not start on " + dataDirectory + " (" + e + ")",
                    e);
        }
        EmbeddedDatabaseServer server = new EmbeddedDatabaseServer(postgres, properties.database(), fresh);
        try {
            server.createDatabaseIfMissing();
        } catch (SQLException e) {
            server.close();
            throw new EmbeddedDatabaseStartException(
                    dataDirectory,
                    "cannot create database '" + properties.database() + "' (" + e.getMessage() + ")",
                    e);
        }
        log.info(
                "Embedded PostgreSQL ready on 127.0.0.1:{} in {} ms, data directory {} ({})",
                postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000,
                dataDirectory,
                fresh ? "initialized" : "reused");
        return server;
    }

    private static void requireNotInUse(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory, null);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory, e);
        } catch (IOException e) {
            throw new EmbeddedDatabaseStartException(
                    dataDirectory, "cannot lock the data directory " + dataDirectory + " (" + e + ")", e);
        }
    }

    private static EmbeddedDatabaseStartException inUse(Path dataDirectory, Throwable cause) {
        return new EmbeddedDatabaseStartException(
                dataDirectory, "the data directory " + dataDirectory + " is in use by another running Liaison", cause);
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name is validated against [a-z_][a-z0-9_]* by EmbeddedDatabaseProperties.
                create.execute("CREATE DATABASE " + database);
            }
        }
    }

    /** JDBC URL of Liaison's database inside this server. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    public String username() {
        return SUPERUSER;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Whether this start created a new data directory (as opposed to reusing one). */
    public boolean initialized() {
        return initialized;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }
}
