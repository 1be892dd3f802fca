package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Assumptions;

/**
 * A browser on the client protocol: headless Chromium with a fake microphone and camera runs
 * {@code src/test/browser/client-call.html}, which authenticates on {@code /ws/client}, starts a session and either
 * calls a destination with a real WebRTC offer (a customer: one audio codec, chosen by the test, and video if asked
 * for; {@link #call}) or waits for an {@code incoming-call} and answers it with its own microphone and camera (an agent;
 * {@link #answering}). Each instance is its own Chromium process with its own fresh profile. A loopback HTTP server serves the page,
 * collects what it posts to {@code /event} (protocol messages, getStats summaries, failures) and hands it commands
 * (hang up, end the session) on {@code /command}. {@link #close()} stops Chromium and every process it started and
 * deletes its profile.
 */
final class ClientCallBrowser implements AutoCloseable {

    /** The codec the page offers, alone (with telephone-event at its clock rate). */
    enum Codec {
        OPUS("opus", "audio/opus"),
        PCMU("pcmu", "audio/PCMU");

        final String query;
        /** The codec's {@code mimeType} as Chromium's getStats reports it. */
        final String mimeType;

        Codec(String query, String mimeType) {
            this.query = query;
            this.mimeType = mimeType;
        }
    }

    private static final Path PAGE = Path.of("src", "test", "browser", "client-call.html");
    private static final Path WORK = Path.of("target", "client-call-browser");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MAX_EVENT_BYTES = 1 << 20;
    private static final int MAX_MESSAGES = 1_000;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Set<Integer> consumed = new HashSet<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> kinds = new CopyOnWriteArrayList<>();
    private final AtomicReference<JsonNode> stats = new AtomicReference<>();
    private final AtomicReference<String> offer = new AtomicReference<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final BlockingQueue<String> commands = new LinkedBlockingQueue<>(16);
    private final Path profile;
    private final Path log;
    private final Process chromium;
    private final List<ProcessHandle> processes = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ClientCallBrowser(Map<String, String> query) throws IOException {
        Files.createDirectories(WORK);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/client-call.html", this::page);
        server.createContext("/event", this::event);
        server.createContext("/command", this::serveCommand);
        server.start();
        profile = Files.createTempDirectory("liaison-client-call-chromium-");
        log = WORK.resolve(profile.getFileName() + ".log");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/client-call.html?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
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
                            "--user-data-dir=" + profile,
                            url)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            server.stop(0);
            deleteProfile();
            throw e;
        }
        processes.add(chromium.toHandle());
    }

    /**
     * Opens the page in a fresh headless Chromium; it calls {@code destination} on {@code ws} (the {@code /ws/client}
     * URL) with {@code token}, offering only {@code codec}. Skips the test when Chromium is not installed, fails it when
     * the environment variable {@code CI} is set.
     */
    static ClientCallBrowser call(String ws, String token, String destination, Codec codec) throws IOException {
        return call(ws, token, destination, codec, false);
    }

    /**
     * As {@link #call(String, String, String, Codec)}; with {@code video} the call is {@code media: "video"} and the
     * page also sends its (fake) camera.
     */
    static ClientCallBrowser call(String ws, String token, String destination, Codec codec, boolean video)
            throws IOException {
        assumeChromiumInstalled();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ws", ws);
        query.put("token", token);
        query.put("role", "call");
        query.put("destination", destination);
        query.put("codec", codec.query);
        query.put("video", video ? "1" : "0");
        return new ClientCallBrowser(query);
    }

    /**
     * Opens the page in a fresh headless Chromium as the answering side (an agent): it signs in on {@code ws} with
     * {@code token}, starts a session and answers the first {@code incoming-call} with its microphone, and its camera
     * when the offer has video (a second call while it has one is rejected {@code busy}). Skips or fails as
     * {@link #call} does.
     */
    static ClientCallBrowser answering(String ws, String token) throws IOException {
        assumeChromiumInstalled();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ws", ws);
        query.put("token", token);
        query.put("role", "answer");
        return new ClientCallBrowser(query);
    }

    /**
     * The first protocol message of {@code type} the page received and no earlier call returned, waiting up to 30 s.
     * Fails, with what the page reported, when none comes.
     */
    JsonNode nextMessage(String type) {
        try {
            return Awaitility.await("a '" + type + "' message on the page")
                    .failFast("the page reported a failure", () -> !failures.isEmpty())
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> unconsumed(type), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            return fail("no '" + type + "' message reached the page (" + e.getMessage() + ")\n" + diagnostics());
        }
    }

    private synchronized Optional<JsonNode> unconsumed(String type) {
        for (int i = 0; i < received.size(); i++) {
            if (!consumed.contains(i)
                    && type.equals(received.get(i).path("type").asText())) {
                consumed.add(i);
                return Optional.of(received.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Waits up to 30 s until the page posted an event of {@code kind} ({@code remote-description-set}, {@code playing},
     * {@code peer-closed}, ...). Fails, with what the page reported, when it does not.
     */
    void awaitPageEvent(String kind) {
        try {
            Awaitility.await("the page's '" + kind + "' event")
                    .failFast("the page reported a failure", () -> !failures.isEmpty())
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> kinds.contains(kind));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            fail("the page never posted '" + kind + "' (" + e.getMessage() + ")\n" + diagnostics());
        }
    }

    /** Every protocol message the page received, in order. */
    List<JsonNode> received() {
        return List.copyOf(received);
    }

    /**
     * Waits up to 30 s until the page's latest getStats summary satisfies {@code condition}, and returns it. The
     * summary's fields are those {@code collectStats} in the page posts: {@code inbound} (audio: packetsReceived,
     * audioLevel, totalAudioEnergy, codec), {@code outbound} (audio: packetsSent, codec), {@code inboundVideo}
     * (packetsReceived, framesDecoded, frameWidth, frameHeight, codec), {@code outboundVideo} (packetsSent,
     * framesEncoded, codec), {@code transport} (dtlsState, iceState,
     * tlsVersion, srtpCipher), {@code selectedPair} (state, local, remote), {@code maxAudioLevel} (the highest
     * inbound audioLevel seen so far) and the connection states.
     */
    JsonNode awaitStats(String description, Predicate<JsonNode> condition) {
        try {
            return Awaitility.await(description)
                    .failFast("the page reported a failure", () -> !failures.isEmpty())
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(stats::get, latest -> latest != null && condition.test(latest));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            return fail(
                    "the page's getStats never showed " + description + " (" + e.getMessage() + ")\n" + diagnostics());
        }
    }

    /** The latest getStats summary the page posted, if any. */
    Optional<JsonNode> latestStats() {
        return Optional.ofNullable(stats.get());
    }

    /** The SDP offer the page sent in its {@code call} message. */
    String offer() {
        return Awaitility.await("the page's offer").atMost(WAIT).until(offer::get, o -> o != null);
    }

    /** The SDP answer the page sent in its {@code answer} message (the answering side). */
    String answer() {
        return Awaitility.await("the page's answer").atMost(WAIT).until(answer::get, a -> a != null);
    }

    /** What went wrong on the page so far (a step and an error each); empty when nothing did. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Tells the page to send {@code hangup} for its call. */
    void hangUp() {
        command("hangup");
    }

    /** Tells the page to send {@code dtmf} for its call: {@code digits} (0-9, *, #, A-D), each held {@code durationMs}. */
    void sendDtmf(String digits, int durationMs) {
        if (!digits.matches("[0-9A-D*#]{1,32}")) {
            throw new IllegalArgumentException("not DTMF digits: " + digits);
        }
        if (!commands.offer("{\"command\":\"dtmf\",\"digits\":\"" + digits + "\",\"durationMs\":" + durationMs + "}")) {
            fail("the page is not fetching its commands\n" + diagnostics());
        }
    }

    /** Tells the page to send {@code end-session}. */
    void endSession() {
        command("end-session");
    }

    private void command(String name) {
        if (!commands.offer("{\"command\":\"" + name + "\"}")) {
            fail("the page is not fetching its commands\n" + diagnostics());
        }
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
        chromium.descendants().forEach(processes::add);
        for (ProcessHandle process : processes) {
            process.destroy();
        }
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
        List<String> types = new ArrayList<>();
        received.forEach(m -> types.add(m.path("type").asText()));
        return "page failures: " + failures + "\nprotocol messages received: " + types + "\npage events: " + kinds
                + "\nlatest stats: " + stats.get() + "\nChromium log: " + log.toAbsolutePath();
    }

    private void page(HttpExchange exchange) throws IOException {
        byte[] body = Files.readAllBytes(PAGE);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void serveCommand(HttpExchange exchange) throws IOException {
        String command = commands.poll();
        if (command == null) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            byte[] body = command.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void event(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_EVENT_BYTES + 1);
            if (body.length > MAX_EVENT_BYTES) {
                failures.add("event larger than " + MAX_EVENT_BYTES + " bytes, dropped");
            } else {
                record(json.readTree(body));
            }
        } catch (IOException e) {
            failures.add("unreadable event: " + e.getMessage());
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private void record(JsonNode event) {
        String kind = event.path("kind").asText();
        switch (kind) {
            case "stats" -> stats.set(event);
            case "received" -> {
                if (received.size() < MAX_MESSAGES) {
                    received.add(event.path("message"));
                } else {
                    failures.add("more than " + MAX_MESSAGES + " protocol messages, dropped");
                }
            }
            case "offer" -> offer.set(event.path("sdp").asText());
            case "answer" -> answer.set(event.path("sdp").asText());
            case "failure" ->
                failures.add(
                        event.path("step").asText() + ": " + event.path("text").asText());
            default -> {}
        }
        if (!kind.equals("stats") && kinds.size() < MAX_MESSAGES) {
            kinds.add(
                    kind.equals("received") || kind.equals("sent")
                            ? kind + " " + event.path("message").path("type").asText()
                            : kind);
        }
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
