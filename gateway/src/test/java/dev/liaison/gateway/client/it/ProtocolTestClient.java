package dev.liaison.gateway.client.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A browser stand-in on {@code /ws/client} over {@link java.net.http.WebSocket}: sends envelopes, keeps every message
 * it receives, and waits (Awaitility) for the next one of a type.
 */
public final class ProtocolTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<JsonNode> consumed = new CopyOnWriteArrayList<>();
    private volatile Integer closeCode;
    private volatile boolean reading = true;

    private ProtocolTestClient(URI uri, Optional<String> origin) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        origin.ifPresent(value -> builder.header("Origin", value));
        this.socket = builder.buildAsync(uri, new Listener())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    public static ProtocolTestClient connect(int port) {
        return connect(port, Optional.empty());
    }

    public static ProtocolTestClient connect(int port, Optional<String> origin) {
        return new ProtocolTestClient(URI.create("ws://127.0.0.1:" + port + "/ws/client"), origin);
    }

    /** Send a message of {@code type} with id {@code id}; {@code fields} fills the payload. */
    public void send(String type, String id, Consumer<ObjectNode> fields) {
        ObjectNode message =
                JSON.createObjectNode().put("v", 1).put("type", type).put("id", id);
        fields.accept(message);
        sendRaw(message.toString());
    }

    public void sendRaw(String frame) {
        socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The first message of {@code type} not yet taken, waiting for it. */
    public JsonNode next(String type) {
        List<JsonNode> found = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode message : received) {
                if (type.equals(message.path("type").asText()) && !consumed.contains(message)) {
                    found.add(message);
                    return true;
                }
            }
            return false;
        });
        consumed.add(found.get(0));
        return found.get(0);
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** authenticate, then start-session (or resume); returns the session message. */
    public JsonNode authenticateAndStart(String token, Optional<String> resumeToken) {
        send("authenticate", "auth", m -> m.put("token", token));
        next("authenticated");
        send("start-session", "start", m -> resumeToken.ifPresent(value -> m.put("resumeToken", value)));
        return next("session");
    }

    /** Waits until the server closed the socket; returns the close code. */
    public int awaitClosed() {
        await().atMost(Duration.ofSeconds(15)).until(() -> closeCode != null);
        return closeCode;
    }

    /** Stop reading from the socket (a stalled client): what the server sends piles up in the TCP buffers. */
    public void stopReading() {
        reading = false;
    }

    /** Drop the connection as a network loss would (no end-session). */
    public void drop() {
        socket.abort();
    }

    /** End the session on purpose and wait for the server to close the socket. */
    public void endSession() {
        send("end-session", "bye", m -> {});
        next("session-ended");
        awaitClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("Server sent non-JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (closeCode == null) {
                closeCode = -1;
            }
        }
    }
}
