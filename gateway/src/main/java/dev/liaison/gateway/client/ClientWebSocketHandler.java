package dev.liaison.gateway.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientMessage;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import dev.liaison.gateway.client.protocol.ProtocolCodec;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.session.Timeouts;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The protocol edge of {@code /ws/client}: size and rate limits, decoding, dispatch, and the one place where a
 * {@link ClientProtocolException} (or any unexpected failure) becomes an {@code error} message to the client.
 */
public final class ClientWebSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ClientWebSocketHandler.class);
    /** Tomcat's per-session limit on how long one blocking write to a stalled client may take. */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private static final long BLOCKING_SEND_TIMEOUT_MILLIS = 5_000;

    private final ClientProperties properties;
    private final ProtocolCodec codec;
    private final ClientRequestHandler requests;
    private final ClientSessionRegistry registry;
    private final Timeouts timeouts;
    private final Executor writer;
    private final Clock clock;
    private final ClientMetrics metrics;
    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();

    ClientWebSocketHandler(
            ClientProperties properties,
            ProtocolCodec codec,
            ClientRequestHandler requests,
            ClientSessionRegistry registry,
            Timeouts timeouts,
            Executor writer,
            Clock clock,
            ClientMetrics metrics) {
        this.properties = properties;
        this.codec = codec;
        this.requests = requests;
        this.registry = registry;
        this.timeouts = timeouts;
        this.writer = writer;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        if (socket instanceof StandardWebSocketSession standard) {
            standard.getNativeSession(jakarta.websocket.Session.class)
                    .getUserProperties()
                    .put(TOMCAT_BLOCKING_SEND_TIMEOUT, BLOCKING_SEND_TIMEOUT_MILLIS);
        }
        ClientConnection connection = new ClientConnection(
                socket,
                new OutboundQueue(socket, writer, properties.outboundQueueMessages()),
                codec,
                new RateLimiter(properties.messagesPerSecond(), clock),
                new FrameAssembler(properties.maxMessageBytes()),
                metrics);
        connections.put(socket.getId(), connection);
        metrics.connected();
        connection.authenticateTimer(timeouts.schedule(properties.authenticateTimeout(), () -> {
            if (connection.state() == ConnectionState.CONNECTED) {
                connection.sendError(
                        ClientErrorCode.AUTHENTICATION_TIMEOUT,
                        "No authenticate within "
                                + properties.authenticateTimeout().toSeconds() + " s",
                        Optional.empty(),
                        Optional.empty());
            }
        }));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage frame) {
        ClientConnection connection = connections.get(socket.getId());
        if (connection == null) {
            return;
        }
        Optional<String> id = Optional.empty();
        MDC.put("clientConnection", connection.id());
        try {
            Optional<String> complete = connection.assemble(frame.getPayload(), frame.isLast());
            if (complete.isEmpty()) {
                return;
            }
            String text = complete.get();
            if (!connection.admitMessage()) {
                throw new ClientProtocolException(
                        ClientErrorCode.RATE_LIMITED,
                        "At most " + properties.messagesPerSecond() + " messages per second; message dropped");
            }
            ObjectNode tree = codec.parse(text);
            id = ProtocolCodec.requestId(tree);
            ClientMessage message = codec.decode(tree);
            metrics.received(ProtocolCodec.typeOf(message));
            requests.handle(connection, message, id);
        } catch (ClientProtocolException e) {
            log.debug("Connection {}: {} {}", connection.id(), e.code().wireCode(), e.getMessage());
            connection.sendError(e.code(), e.getMessage(), e.path(), id);
        } catch (RuntimeException e) {
            log.error("Connection {}: failed to handle a message", connection.id(), e);
            connection.sendError(ClientErrorCode.INTERNAL, "Internal error", Optional.empty(), id);
        } finally {
            MDC.remove("clientConnection");
        }
    }

    /**
     * Parts of a message are joined by the connection's {@link FrameAssembler}, so the container keeps its small
     * default buffer whatever {@code max-message-bytes} is.
     */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("Connection {}: transport error", socket.getId(), exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        ClientConnection connection = connections.remove(socket.getId());
        if (connection == null) {
            return;
        }
        metrics.disconnected();
        log.debug("Connection {} closed: {}", connection.id(), status);
        connection.closed().ifPresent(session -> registry.detach(session, connection));
    }

    /** Open WebSockets (for tests and metrics). */
    public int connectionCount() {
        return connections.size();
    }
}
