package dev.liaison.routes.site;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A customer's site in a real browser: a loopback HTTP server serves the pages of {@code src/test/browser/sdk-shop/}
 * (each with the SDK's two-line embed, {@code LIAISON_SERVER} replaced by the application's URL) and headless Chromium
 * (fake microphone and camera) opens them. The test looks at and operates the page as a person would, through the
 * Chrome DevTools Protocol ({@code --remote-debugging-port}, a WebSocket from this JVM): it evaluates JavaScript in the
 * page (clicks the widget's buttons in its shadow root, reads {@code Liaison.current}), and follows links. Nothing is
 * added to the pages for the test. {@link #close()} stops Chromium and every process it started, the server, and
 * deletes the profile.
 */
final class SdkBrowser implements AutoCloseable {

    private static final Path PAGES = Path.of("src", "test", "browser", "sdk-shop");
    private static final Path WORK = Path.of("target", "sdk-browser");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final String liaisonServer;
    private final Path profile;
    private final Path log;
    private final Process chromium;
    private final List<ProcessHandle> processes = new CopyOnWriteArrayList<>();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private WebSocket devtools;
    private volatile boolean closed;

    private SdkBrowser(String liaisonServer, int shopPort, String firstPage) throws IOException {
        this.liaisonServer = liaisonServer;
        Files.createDirectories(WORK);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), shopPort), 0);
        server.createContext("/shop/", this::page);
        server.start();
        profile = Files.createTempDirectory("liaison-sdk-chromium-");
        log = WORK.resolve(profile.getFileName() + ".log");
        try {
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
                            "--remote-debugging-address=127.0.0.1",
                            "--remote-debugging-port=0",
                            "--window-size=390,844",
                            "--user-data-dir=" + profile,
                            origin() + "/shop/" + firstPage)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            server.stop(0);
            deleteProfile();
            throw e;
        }
        processes.add(chromium.toHandle());
        try {
            attach();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Opens {@code page} of the shop ({@code index.html}, ...), served on {@code shopPort} of 127.0.0.1 (0: any free
     * port), in a fresh headless Chromium, the SDK coming from {@code liaisonServer} ({@code http://127.0.0.1:<port>}).
     * Skips the test when Chromium is missing, fails it under {@code CI}.
     */
    static SdkBrowser open(String liaisonServer, int shopPort, String page) throws IOException {
        assumeChromiumInstalled();
        return new SdkBrowser(liaisonServer, shopPort, page);
    }

    /** The shop's origin, {@code http://127.0.0.1:<port>}: what the site's allowed origins must list. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Evaluates {@code expression} in the page (awaiting a promise) and returns its value as JSON ({@code null} for
     * undefined). Fails the test with the exception's text when it throws.
     */
    JsonNode evaluate(String expression) {
        ObjectNode params = json.createObjectNode()
                .put("expression", expression)
                .put("awaitPromise", true)
                .put("returnByValue", true);
        JsonNode reply = command("Runtime.evaluate", params);
        JsonNode exception = reply.path("result").path("exceptionDetails");
        if (!exception.isMissingNode()) {
            return fail("the page threw on " + expression + ": "
                    + exception.path("exception").path("description").asText(exception.toString()) + diagnostics());
        }
        return reply.path("result").path("result").path("value");
    }

    /** Waits up to 30 s until {@code expression}, evaluated in the page, gives a value {@code condition} accepts. */
    JsonNode awaitValue(String description, String expression, Predicate<JsonNode> condition) {
        try {
            return Awaitility.await(description)
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> evaluateOrRetry(expression), value -> value != null && condition.test(value));
        } catch (ConditionTimeoutException e) {
            return fail(description + " never happened (" + e.getMessage() + "); last value: "
                    + evaluateOrRetry(expression) + diagnostics());
        }
    }

    /** Clicks the SDK widget's element {@code data-liaison=name} (in its shadow root), as a person would. */
    void clickWidget(String name) {
        evaluate("(() => { const b = document.getElementById('liaison-support').shadowRoot"
                + ".querySelector('[data-liaison=\"" + name + "\"]');"
                + " if (!b || b.disabled) { throw new Error('widget control " + name + " is missing or disabled'); }"
                + " b.click(); return true; })()");
    }

    /** Types {@code text} in the widget's message box and submits the form. */
    void typeChat(String text) throws IOException {
        String literal = json.writeValueAsString(text);
        evaluate("(() => { const r = document.getElementById('liaison-support').shadowRoot;"
                + " r.querySelector('[data-liaison=\"input\"]').value = " + literal + ";"
                + " r.querySelector('[data-liaison=\"send\"]').click(); return true; })()");
    }

    /** Follows the page's link with id {@code linkId} and waits until the next page has its SDK client. */
    void followLink(String linkId, String nextTitle) {
        evaluate("document.getElementById('" + linkId + "').click(); true");
        awaitValue(
                "the page '" + nextTitle + "' with its SDK client",
                "document.title === '" + nextTitle + "' && !!window.Liaison && !!Liaison.current",
                JsonNode::asBoolean);
    }

    /**
     * Lets the shop's pages read the location and makes it {@code latitude}, {@code longitude} ({@code accuracy} in
     * metres): what a customer's browser does when they allow it in the browser's prompt.
     */
    void allowLocation(double latitude, double longitude, double accuracy) {
        ObjectNode grant = json.createObjectNode().put("origin", origin());
        grant.putArray("permissions").add("geolocation");
        command("Browser.grantPermissions", grant);
        command(
                "Emulation.setGeolocationOverride",
                json.createObjectNode()
                        .put("latitude", latitude)
                        .put("longitude", longitude)
                        .put("accuracy", accuracy));
    }

    /** Makes the viewport a phone's: {@code width} x {@code height} CSS pixels, mobile, touch. */
    void emulatePhone(int width, int height) {
        command(
                "Emulation.setDeviceMetricsOverride",
                json.createObjectNode()
                        .put("width", width)
                        .put("height", height)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", true));
    }

    /**
     * Presses and releases a key on the keyboard, as a person would: to whatever has the focus ({@code key} and
     * {@code code} as in KeyboardEvent, the Windows virtual key code, and the text it types, if any).
     */
    void pressKey(String key, int keyCode, String text) {
        ObjectNode down = json.createObjectNode()
                .put("type", text == null ? "rawKeyDown" : "keyDown")
                .put("key", key)
                .put("code", key)
                .put("windowsVirtualKeyCode", keyCode);
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
                        .put("windowsVirtualKeyCode", keyCode));
    }

    /** Leaves the site: the tab shows {@code about:blank} (the page's WebSocket closes, its sessionStorage stays). */
    void leaveTheSite() {
        command("Page.navigate", json.createObjectNode().put("url", "about:blank"));
        awaitValue("the blank page", "location.href", v -> v.asText().equals("about:blank"));
    }

    /** Opens {@code page} of the shop in the same tab, typed in the address bar, and waits for its SDK client. */
    void openShopPage(String page, String title) {
        command("Page.navigate", json.createObjectNode().put("url", origin() + "/shop/" + page));
        awaitValue(
                "the page '" + title + "' with its SDK client",
                "document.title === '" + title + "' && !!window.Liaison && !!Liaison.current",
                JsonNode::asBoolean);
    }

    /** Saves a PNG screenshot of the page to {@code target/sdk-browser/<name>.png} (a test artifact). */
    Path screenshot(String name) throws IOException {
        JsonNode reply =
                command("Page.captureScreenshot", json.createObjectNode().put("format", "png"));
        byte[] png = java.util.Base64.getDecoder()
                .decode(reply.path("result").path("data").asText());
        Path file = WORK.resolve(name + ".png");
        Files.write(file, png);
        return file;
    }

    private JsonNode evaluateOrRetry(String expression) {
        ObjectNode params = json.createObjectNode()
                .put("expression", expression)
                .put("awaitPromise", true)
                .put("returnByValue", true);
        JsonNode reply = command("Runtime.evaluate", params);
        if (!reply.path("result").path("exceptionDetails").isMissingNode()) {
            // During a navigation the old context is gone: try again.
            return null;
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

    /** Reads the DevTools port Chromium chose and opens a WebSocket to the page target. */
    private void attach() {
        Path portFile = profile.resolve("DevToolsActivePort");
        String port = Awaitility.await("Chromium's DevToolsActivePort")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> Files.exists(portFile) ? Files.readAllLines(portFile) : List.<String>of(),
                        l -> l.size() >= 1 && !l.get(0).isBlank())
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
                    // Not JSON: nothing waits for it.
                }
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/shop/".length());
        Path file = PAGES.resolve(name).normalize();
        if (!name.matches("[a-z0-9-]+\\.html") || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body =
                Files.readString(file).replace("LIAISON_SERVER", liaisonServer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Whether Chromium and every process it started have ended and its profile is deleted. */
    boolean closed() {
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
        server.stop(0);
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
