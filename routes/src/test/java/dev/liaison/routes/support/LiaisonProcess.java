package dev.liaison.routes.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/liaison.jar}) run as a separate process, the way an operator runs it, with
 * its console output captured to a file.
 */
public final class LiaisonProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path output;
    private final int port;

    private LiaisonProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts the jar with {@code --server.port} set to {@code port} and the given extra arguments. */
    public static LiaisonProcess start(Path workDirectory, int port, String... arguments) {
        Path jar =
                Path.of(System.getProperty("liaison.jar", "target/liaison.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged application is missing: " + jar + " (run mvn package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                // Tests never take the SIP trunk's well-known port: another process may hold it.
                "--liaison.sip.port=0",
                "--liaison.sip.bind-address=127.0.0.1",
                // Nor the media broker's muxed UDP port.
                "--liaison.media.mux.port=0",
                "--liaison.media.mux.bind-address=127.0.0.1"));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(workDirectory);
            Path output = Files.createTempFile(workDirectory, "liaison-", ".log");
            Process process = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new LiaisonProcess(process, output, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} answers 200 (UP), failing early if the process exits. */
    public LiaisonProcess awaitHealthy() {
        await().atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .failFast("the application exited while starting:\n" + tail(), () -> !process.isAlive())
                .until(() -> get("/actuator/health").statusCode() == 200);
        return this;
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the process to end by itself (a failed start) and returns its exit code. */
    public int awaitExit() {
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the application did not exit:\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM, as an init system does, and returns the exit code. */
    public int terminate() {
        process.destroy();
        return awaitExit();
    }

    /** Sends SIGKILL: the JVM gets no chance to clean up. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
