package dev.liaison.routes.support;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * One headless Chromium with one tab on a URL of the application, driven through the Chrome DevTools Protocol
 * ({@code --remote-debugging-port}, a WebSocket from this JVM): evaluate JavaScript in the page, type text and press
 * keys where the focus is, take screenshots. Nothing is added to the pages. {@link #close()} stops Chromium and every
 * process it started and deletes its profile. Skips the test when Chromium is missing, fails it under {@code CI}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final java.util.Set<String> PAGE_LOG_EVENTS =
            java.util.Set.of("Runtime.exceptionThrown", "Runtime.consoleAPICalled", "Log.entryAdded");

    private final ObjectMapper json = new ObjectMapper();
    private final Path profile;
    private final Path log;
    private final Process chromium;
    private final List<ProcessHandle> processes = new CopyOnWriteArrayList<>();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** What the page logged or threw, for the failure messages. */
    private final List<String> pageLog = new CopyOnWriteArrayList<>();

    private WebSocket devtools;
    private volatile boolean closed;

    private HeadlessChromium(String url, Path workDirectory, int width, int height) throws IOException {
        Files.createDirectories(workDirectory);
        profile = Files.createTempDirectory("liaison-chromium-");
        log = workDirectory.resolve(profile.getFileName() + ".log");
        chromium = new ProcessBuilder(
                        "chromium",
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--window-size=" + width + "," + height,
                        "--user-data-dir=" + profile,
                        url)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(chromium.toHandle());
        try {
            attach();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Opens {@code url} in a fresh Chromium of {@code width} x {@code height}; its log goes to {@code workDirectory}. */
    public static HeadlessChromium open(String url, Path workDirectory, int width, int height) throws IOException {
        assumeInstalled();
        return new HeadlessChromium(url, workDirectory, width, height);
    }

    /** Evaluates {@code expression} (awaiting a promise) and returns its value as JSON; fails the test if it throws. */
    public JsonNode evaluate(String expression) {
        JsonNode reply = command("Runtime.evaluate", evaluation(expression));
        JsonNode exception = reply.path("result").path("exceptionDetails");
        if (!exception.isMissingNode()) {
            return fail("the page threw on " + expression + ": "
                    + exception.path("exception").path("description").asText(exception.toString()) + diagnostics());
        }
        return reply.path("result").path("result").path("value");
    }

    /** Waits up to 30 s until {@code expression} gives a value {@code condition} accepts (retrying over navigations). */
    public JsonNode awaitValue(String description, String expression, Predicate<JsonNode> condition) {
        try {
            return Awaitility.await(description)
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(150))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> evaluateOrNull(expression), value -> value != null && condition.test(value));
        } catch (ConditionTimeoutException e) {
            return fail(description + " never happened; last value: " + evaluateOrNull(expression) + "; the page: "
                    + evaluateOrNull("location.href + ' ' + document.body.innerText.slice(0, 400)") + diagnostics());
        }
    }

    /** Types {@code text} into whatever has the focus, as a keyboard would (one input event). */
    public void type(String text) {
        command("Input.insertText", json.createObjectNode().put("text", text));
    }

    /** Presses and releases a key where the focus is ({@code key} as in KeyboardEvent, the Windows key code). */
    public void pressKey(String key, int keyCode, String text) {
        pressKey(key, keyCode, text, 0);
    }

    /** {@link #pressKey(String, int, String)} with modifiers (1 Alt, 2 Ctrl, 4 Meta, 8 Shift). */
    public void pressKey(String key, int keyCode, String text, int modifiers) {
        ObjectNode down = json.createObjectNode()
                .put("type", text == null ? "rawKeyDown" : "keyDown")
                .put("key", key)
                .put("code", key)
                .put("windowsVirtualKeyCode", keyCode)
                .put("modifiers", modifiers);
        if (text != null) {
            down.put("text", text);
        }
        command("Input.dispatchKeyEvent", down);
        command(
                "Input.dispatchKeyEvent",
                json.createObjectNode()
                        .put("type", "keyUp")
                        .put("key", key)
                        .put("code", key)
                        .put("windowsVirtualKeyCode", keyCode)
                        .put("modifiers", modifiers));
    }

    /** Opens {@code url} in the tab, as typed in the address bar. */
    public void navigate(String url) {
        command("Page.navigate", json.createObjectNode().put("url", url));
    }

    /** Saves a PNG of the page (the whole page, beyond the viewport) to {@code file}. */
    public Path screenshot(Path file) throws IOException {
        JsonNode reply = command(
                "Page.captureScreenshot",
                json.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(
                file,
                Base64.getDecoder().decode(reply.path("result").path("data").asText()));
        return file;
    }

    private ObjectNode evaluation(String expression) {
        return json.createObjectNode()
                .put("expression", expression)
                .put("awaitPromise", true)
                .put("returnByValue", true);
    }

    private JsonNode evaluateOrNull(String expression) {
        JsonNode reply = command("Runtime.evaluate", evaluation(expression));
        if (!reply.path("result").path("exceptionDetails").isMissingNode()) {
            return null;
        }
        JsonNode value = reply.path("result").path("result").path("value");
        // undefined (no such element yet) is no value
        return value.isMissingNode() ? null : value;
    }

    private JsonNode command(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        try {
            devtools.sendText(json.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            JsonNode answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.path("error"));
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer from Chromium: " + e + diagnostics(), e);
        } finally {
            replies.remove(id);
        }
    }

    private void attach() {
        Path portFile = profile.resolve("DevToolsActivePort");
        String port = Awaitility.await("Chromium's DevToolsActivePort")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> Files.exists(portFile) ? Files.readAllLines(portFile) : List.<String>of(),
                        lines -> !lines.isEmpty() && !lines.get(0).isBlank())
                .get(0)
                .strip();
        HttpClient http = HttpClient.newHttpClient();
        String target = Awaitility.await("Chromium's page target")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pageTarget(http, port), url -> url != null);
        devtools = http.newWebSocketBuilder()
                .buildAsync(URI.create(target), new Replies())
                .join();
        command("Page.enable", json.createObjectNode());
        command("Runtime.enable", json.createObjectNode());
        command("Log.enable", json.createObjectNode());
        // A headless page is never the focused window: without this, key presses reach nothing.
        command("Emulation.setFocusEmulationEnabled", json.createObjectNode().put("enabled", true));
    }

    private String pageTarget(HttpClient http, String port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : json.readTree(response.body())) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("webSocketDebuggerUrl").asText(null);
            }
        }
        return null;
    }

    /** Hands each DevTools answer to the command waiting for its id. */
    private final class Replies implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(text.toString());
                    CompletableFuture<JsonNode> reply =
                            replies.get(message.path("id").asInt(-1));
                    if (reply != null) {
                        reply.complete(message);
                    } else if (PAGE_LOG_EVENTS.contains(message.path("method").asText())) {
                        pageLog.add(message.path("method").asText() + " "
                                + message.path("params")
                                        .toString()
                                        .substring(
                                                0,
                                                Math.min(
                                                        400,
                                                        message.path("params")
                                                                .toString()
                                                                .length())));
                    }
                } catch (IOException e) {
                    // not JSON: nobody waits for it
                }
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    /** Whether Chromium and every process it started have ended and its profile is deleted. */
    public boolean closed() {
        return closed && processes.stream().noneMatch(ProcessHandle::isAlive) && !Files.exists(profile);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (devtools != null) {
            devtools.abort();
        }
        chromium.descendants().forEach(processes::add);
        processes.forEach(ProcessHandle::destroy);
        try {
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
            for (ProcessHandle process : processes) {
                process.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            processes.forEach(ProcessHandle::destroyForcibly);
        }
        deleteProfile();
        closed = true;
    }

    private void deleteProfile() {
        if (!Files.exists(profile)) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the Chromium profile " + profile, e);
        }
    }

    private String diagnostics() {
        List<String> recent = pageLog.subList(Math.max(0, pageLog.size() - 10), pageLog.size());
        return "\nthe page's log: " + String.join("\n  ", recent) + "\nChromium log: " + log.toAbsolutePath();
    }

    private static void assumeInstalled() {
        boolean installed = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "chromium")));
        if (installed) {
            return;
        }
        String message =
                "chromium is not installed (Debian: apt-get install chromium; scripts/install-test-deps does it)";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
