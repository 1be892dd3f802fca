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
 * A headless Chromium that a test drives as a person would, through the Chrome DevTools Protocol (a WebSocket from
 * this JVM to {@code --remote-debugging-port}): it opens a page, evaluates JavaScript in it, presses keys (with
 * modifiers) to whatever has the focus, resizes the viewport like a phone's and takes screenshots. Used for the web
 * UIs the application serves itself ({@code /agent/}); {@code site.SdkBrowser} does the same for a customer's site
 * it serves. {@link #close()} stops Chromium and every process it started and deletes its profile.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** {@code modifiers} of {@link #pressKey}: Alt, Ctrl, Meta, Shift as the protocol numbers them. */
    public static final int ALT = 1;

    public static final int CTRL = 2;
    public static final int SHIFT = 8;

    private static final Path WORK = Path.of("target", "chromium");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final Path profile;
    private final Path log;
    private final Process chromium;
    private final List<ProcessHandle> processes = new CopyOnWriteArrayList<>();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private WebSocket devtools;
    private volatile boolean closed;

    private HeadlessChromium(String url, int width, int height) throws IOException {
        Files.createDirectories(WORK);
        profile = Files.createTempDirectory("liaison-chromium-");
        log = WORK.resolve(profile.getFileName() + ".log");
        chromium = new ProcessBuilder(
                        "chromium",
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--autoplay-policy=no-user-gesture-required",
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

    /**
     * Opens {@code url} in a fresh headless Chromium with a {@code width} x {@code height} window. Skips the test when
     * Chromium is missing, fails it under {@code CI}.
     */
    public static HeadlessChromium open(String url, int width, int height) throws IOException {
        assumeChromiumInstalled();
        return new HeadlessChromium(url, width, height);
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

    /** Waits up to 30 s until {@code expression} gives a value {@code condition} accepts, across navigations. */
    public JsonNode awaitValue(String description, String expression, Predicate<JsonNode> condition) {
        try {
            return Awaitility.await(description)
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> evaluateOrRetry(expression), value -> value != null && condition.test(value));
        } catch (ConditionTimeoutException e) {
            return fail(description + " never happened (" + e.getMessage() + "); last value: "
                    + evaluateOrRetry(expression) + diagnostics());
        }
    }

    /** Waits until {@code expression} is {@code true}. */
    public void awaitTrue(String description, String expression) {
        awaitValue(description, expression, JsonNode::asBoolean);
    }

    /**
     * Presses and releases a key, with {@code modifiers} ({@link #ALT} | {@link #SHIFT} ...), to whatever has the
     * focus: {@code key} and {@code code} as in KeyboardEvent, the Windows virtual key code, and the text it types
     * ({@code null} for none).
     */
    public void pressKey(String key, String code, int keyCode, int modifiers, String text) {
        ObjectNode down = json.createObjectNode()
                .put("type", text == null ? "rawKeyDown" : "keyDown")
                .put("key", key)
                .put("code", code)
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
                        .put("code", code)
                        .put("windowsVirtualKeyCode", keyCode)
                        .put("modifiers", modifiers));
    }

    public void pressTab() {
        pressKey("Tab", "Tab", 9, 0, null);
    }

    public void pressEnter() {
        pressKey("Enter", "Enter", 13, 0, "\r");
    }

    public void pressSpace() {
        pressKey(" ", "Space", 32, 0, " ");
    }

    /** Types {@code text} into the focused field, as an input method would. */
    public void type(String text) {
        command("Input.insertText", json.createObjectNode().put("text", text));
    }

    /** Makes the viewport {@code width} x {@code height} CSS pixels, mobile when {@code mobile}. */
    public void viewport(int width, int height, boolean mobile) {
        command(
                "Emulation.setDeviceMetricsOverride",
                json.createObjectNode()
                        .put("width", width)
                        .put("height", height)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", mobile));
    }

    /** Saves a PNG of the whole page (beyond the viewport) to {@code file}. */
    public Path screenshot(Path file) throws IOException {
        ObjectNode params = json.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        JsonNode reply = command("Page.captureScreenshot", params);
        byte[] png =
                Base64.getDecoder().decode(reply.path("result").path("data").asText());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
        return file;
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

    private ObjectNode evaluation(String expression) {
        return json.createObjectNode()
                .put("expression", expression)
                .put("awaitPromise", true)
                .put("returnByValue", true);
    }

    private JsonNode evaluateOrRetry(String expression) {
        JsonNode reply = command("Runtime.evaluate", evaluation(expression));
        if (!reply.path("result").path("exceptionDetails").isMissingNode()) {
            return null; // during a navigation the old context is gone: try again
        }
        return reply.path("result").path("result").path("value");
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
                        l -> !l.isEmpty() && !l.get(0).isBlank())
                .get(0)
                .strip();
        HttpClient http = HttpClient.newHttpClient();
        String target = Awaitility.await("Chromium's page target")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pageTarget(http, port), url -> url != null);
        devtools = http.newWebSocketBuilder()
                .buildAsync(URI.create(target), new Listener())
                .join();
        command("Page.enable", json.createObjectNode());
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

    private final class Listener implements WebSocket.Listener {
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
                    }
                } catch (IOException e) {
                    // not JSON: nothing waits for it
                }
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
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
        return "\nChromium log: " + log.toAbsolutePath();
    }

    private static void assumeChromiumInstalled() {
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
