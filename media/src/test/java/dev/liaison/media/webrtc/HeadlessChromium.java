package dev.liaison.media.webrtc;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium for WebRTC tests, started with fake capture devices, loopback
 * ICE candidates and autoplay without a gesture, and a fresh profile; its output goes to {@code target/chromium/}.
 * The media module cannot use the routes module's launcher, so this is its own.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path WORK = Path.of("target", "chromium");

    private final Process process;
    private final Path profile;
    private final Path log;

    private HeadlessChromium(String url, String name) throws IOException {
        Files.createDirectories(WORK);
        profile = Files.createTempDirectory("liaison-media-chromium-");
        log = WORK.resolve(name + ".log");
        process = new ProcessBuilder(
                        "chromium",
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--use-fake-device-for-media-stream",
                        "--use-fake-ui-for-media-stream",
                        "--allow-loopback-in-peer-connection",
                        "--autoplay-policy=no-user-gesture-required",
                        "--user-data-dir=" + profile,
                        url)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Opens {@code url}; skips the test when chromium is not installed, fails under {@code CI}. */
    static HeadlessChromium open(String url, String name) throws IOException {
        assumeInstalled("chromium");
        return new HeadlessChromium(url, name);
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static void assumeInstalled(String command) {
        boolean installed = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        if (installed) {
            return;
        }
        String message = command + " is not installed (scripts/install-test-deps installs it)";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
