package dev.liaison.routes.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL server that a killed Liaison process left running on a data directory.
 *
 * <p>PostgreSQL records its process ID in {@code postmaster.pid}. When the JVM that started it dies without a clean
 * shutdown, the server keeps running and holds the directory, so the next start would fail. SIGTERM asks the server for
 * a smart shutdown, which completes at once because its clients died with the JVM.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of);
        if (postmaster.isEmpty() || !postmaster.get().isAlive() || !isPostgres(postmaster.get())) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn(
                "A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it",
                process.pid(),
                dataDirectory);
        process.destroy();
        try {
            process.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EmbeddedDatabaseStartException(
                    dataDirectory,
                    "a PostgreSQL server (pid " + process.pid() + ") from an earlier run did not stop within "
                            + SHUTDOWN_WAIT.toSeconds() + " s",
                    e);
        } catch (ExecutionException e) {
            throw new EmbeddedDatabaseStartException(dataDirectory, "waiting for the earlier server failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseStartException(dataDirectory, "interrupted while stopping the earlier server", e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }
}
