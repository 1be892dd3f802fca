package dev.liaison.routes.call;

import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * JsSIP in headless Chromium for end-to-end tests. The npm packages of {@code src/test/browser/package.json} (JsSIP,
 * esbuild) are installed with {@code npm ci} into {@code target/jssip-browser/} and JsSIP is bundled with esbuild; a
 * loopback HTTP server serves the test page and collects the events the page posts to {@code /event}.
 */
final class JsSipBrowser implements AutoCloseable {

    private static final Path SOURCES = Path.of("src", "test", "browser");
    private static final Path WORK = Path.of("target", "jssip-browser");

    private final HttpServer server;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Process chromium;
    private final Path profile;

    private JsSipBrowser(Map<String, String> query) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/page.html", SOURCES.resolve("page.html"), "text/html");
        serve("/jssip.js", WORK.resolve("jssip.js"), "text/javascript");
        server.createContext("/event", exchange -> {
            events.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        profile = Files.createTempDirectory("liaison-chromium-");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/page.html?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        chromium = new ProcessBuilder(
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
                .redirectOutput(WORK.resolve("chromium.log").toFile())
                .start();
    }

    /** Opens the test page with {@code query} (ws, user, password, realm, target) in a fresh headless Chromium. */
    static JsSipBrowser open(Map<String, String> query) throws IOException, InterruptedException {
        assumeInstalled("chromium");
        assumeInstalled("npm");
        bundle();
        return new JsSipBrowser(query);
    }

    /** The next event the page reported (for example {@code registered}, {@code ended Terminated}), within 30 s. */
    String nextEvent() throws InterruptedException {
        String event = events.poll(30, TimeUnit.SECONDS);
        if (event == null) {
            fail("no event from the JsSIP page within 30 s; see " + WORK.resolve("chromium.log"));
        }
        return event;
    }

    @Override
    public void close() throws IOException {
        chromium.destroy();
        try {
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
    }

    private void serve(String path, Path file, String type) {
        server.createContext(path, exchange -> {
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** {@code npm ci} then esbuild, once per build; a failure fails the test (the registry must be reachable). */
    private static synchronized void bundle() throws IOException, InterruptedException {
        if (Files.exists(WORK.resolve("jssip.js"))) {
            return;
        }
        Files.createDirectories(WORK);
        for (String name : List.of("package.json", "package-lock.json", "entry.js")) {
            Files.copy(SOURCES.resolve(name), WORK.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        run("npm", "ci", "--no-audit", "--no-fund");
        run("node_modules/.bin/esbuild", "entry.js", "--bundle", "--format=iife", "--outfile=jssip.js");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Path log = WORK.resolve(Path.of(command[0]).getFileName() + ".log");
        Process process = new ProcessBuilder(command)
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static void assumeInstalled(String command) {
        boolean installed = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        if (installed) {
            return;
        }
        String message =
                command + " is not installed (scripts/install-test-deps installs chromium; npm comes with Node.js)";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
