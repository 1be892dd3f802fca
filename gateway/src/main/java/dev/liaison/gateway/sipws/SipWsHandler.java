package dev.liaison.gateway.sipws;

import dev.liaison.gateway.client.FrameAssembler;
import dev.liaison.gateway.client.OutboundQueue;
import dev.liaison.gateway.client.RateLimiter;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The protocol edge of {@code /ws/sip}: one SIP message per frame (text or binary), size and rate limits, parsing,
 * dispatch by method, and the one place where a {@link SipWsException} (or any failure) becomes a SIP response.
 */
public final class SipWsHandler extends AbstractWebSocketHandler implements SubProtocolCapable {

    private static final Logger log = LoggerFactory.getLogger(SipWsHandler.class);
    static final String SUBPROTOCOL = "sip";
    static final CloseStatus TOO_MANY = new CloseStatus(1013, "too many connections");

    private final SipWsProperties properties;
    private final SipWsCodec codec = new SipWsCodec();
    private final RegisterHandler registers;
    private final CallHandler calls;
    private final Registrar registrar;
    private final Executor writer;
    private final Clock clock;
    private final SipWsMetrics metrics;
    private final Map<String, SipWsConnection> connections = new ConcurrentHashMap<>();

    SipWsHandler(
            SipWsProperties properties,
            RegisterHandler registers,
            CallHandler calls,
            Registrar registrar,
            Executor writer,
            Clock clock,
            SipWsMetrics metrics) {
        this.properties = properties;
        this.registers = registers;
        this.calls = calls;
        this.registrar = registrar;
        this.writer = writer;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(SUBPROTOCOL);
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        InetSocketAddress remote = socket.getRemoteAddress();
        InetSocketAddress local = socket.getLocalAddress();
        SipWsConnection connection = new SipWsConnection(
                socket.getId(),
                remote == null ? "0.0.0.0" : remote.getAddress().getHostAddress(),
                remote == null ? 0 : remote.getPort(),
                local == null ? "127.0.0.1" : hostPort(local),
                socket.getUri() != null
                        && "wss".equalsIgnoreCase(socket.getUri().getScheme()),
                new OutboundQueue(socket, writer, properties.outboundQueueMessages()),
                new RateLimiter(properties.messagesPerSecond(), clock),
                new FrameAssembler(properties.maxMessageBytes()),
                metrics);
        connections.put(socket.getId(), connection);
        metrics.connected();
        if (connections.size() > properties.maxConnections()) {
            log.warn(
                    "{} /ws/sip connections open (max {}): closing {}",
                    connections.size(),
                    properties.maxConnections(),
                    socket.getId());
            connection.close(TOO_MANY);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage frame) {
        receive(socket, frame.getPayload(), frame.isLast());
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage frame) {
        receive(socket, StandardCharsets.UTF_8.decode(frame.getPayload()).toString(), frame.isLast());
    }

    private void receive(WebSocketSession socket, String part, boolean last) {
        SipWsConnection connection = connections.get(socket.getId());
        if (connection == null) {
            return;
        }
        Optional<String> complete;
        try {
            complete = connection.assemble(part, last);
        } catch (ClientProtocolException tooLarge) {
            log.info("Connection {}: message over {} bytes, closing", connection.id(), properties.maxMessageBytes());
            metrics.dropped("too-large");
            connection.close(CloseStatus.TOO_BIG_TO_PROCESS.withReason("SIP message too large"));
            return;
        }
        complete.ifPresent(text -> process(connection, text));
    }

    private void process(SipWsConnection connection, String text) {
        MDC.put("sipWsConnection", connection.id());
        try {
            SipWsCodec.Parsed parsed = codec.parse(text);
            if (parsed instanceof SipWsCodec.Parsed.Unanswerable bad) {
                log.debug("Connection {}: unanswerable message dropped: {}", connection.id(), bad.reason());
                metrics.dropped("malformed");
            } else if (parsed instanceof SipWsCodec.Parsed.Answerable bad) {
                send(connection, bad.request(), new SipWsException(400, bad.reason()));
            } else if (((SipWsCodec.Parsed.Ok) parsed).message() instanceof SIPResponse response) {
                if (connection.admit()) {
                    calls.response(connection, response);
                } else {
                    metrics.dropped("rate-limited");
                }
            } else {
                request(connection, (SIPRequest) ((SipWsCodec.Parsed.Ok) parsed).message());
            }
        } finally {
            MDC.remove("sipWsConnection");
        }
    }

    private void request(SipWsConnection connection, SIPRequest request) {
        MDC.put("callId", request.getCallId().getCallId());
        try {
            SipWsCodec.stampVia(request, connection.remoteHost(), connection.remotePort());
            if (!connection.admit()) {
                throw new SipWsException(503, "Rate limited", List.of("Retry-After: 1"));
            }
            dispatch(connection, request);
        } catch (SipWsException e) {
            send(connection, request, e);
        } catch (RuntimeException e) {
            log.error("Connection {}: failed to handle {}", connection.id(), request.getMethod(), e);
            send(connection, request, new SipWsException(500, "Server Internal Error"));
        } finally {
            MDC.remove("callId");
        }
    }

    private void dispatch(SipWsConnection connection, SIPRequest request) {
        String method = request.getMethod();
        switch (method) {
            case SipWsMethods.REGISTER -> reply(connection, request, 200, "OK", registers.handle(connection, request));
            case SipWsMethods.INVITE -> calls.invite(connection, request);
            case SipWsMethods.ACK -> calls.ack(connection, request);
            case SipWsMethods.BYE -> calls.bye(connection, request);
            case SipWsMethods.CANCEL -> calls.cancel(connection, request);
            case SipWsMethods.OPTIONS -> reply(connection, request, 200, "OK", List.of(SipWsMethods.ALLOW));
            default -> {
                if (SipWsMethods.KNOWN_UNSUPPORTED.contains(method)) {
                    throw new SipWsException(405, "Method Not Allowed", List.of(SipWsMethods.ALLOW));
                }
                throw new SipWsException(501, "Not Implemented");
            }
        }
    }

    /** The one place a refused request gets its response (an ACK never gets one). */
    private void send(SipWsConnection connection, SIPRequest request, SipWsException e) {
        if (SipWsMethods.ACK.equals(request.getMethod())) {
            return;
        }
        log.debug("Connection {}: {} -> {} {}", connection.id(), request.getMethod(), e.status(), e.getMessage());
        reply(connection, request, e.status(), e.getMessage(), e.headers());
    }

    private void reply(
            SipWsConnection connection, SIPRequest request, int status, String reason, List<String> headers) {
        connection.send(SipWsCodec.response(
                request, status, reason, Optional.of(RegisterHandler.newTag()), headers, Optional.empty()));
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("Connection {}: transport error", socket.getId(), exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        SipWsConnection connection = connections.remove(socket.getId());
        if (connection == null) {
            return;
        }
        metrics.disconnected();
        log.debug("Connection {} closed: {}", connection.id(), status);
        registrar.connectionClosed(connection);
        connection.closed().forEach(WsSipLeg::connectionLost);
    }

    /** Open {@code /ws/sip} connections (for tests and metrics). */
    public int connectionCount() {
        return connections.size();
    }

    /** Call legs on open connections (for no-leak checks). */
    public int legCount() {
        return connections.values().stream().mapToInt(SipWsConnection::legCount).sum();
    }

    /** Registered contacts (for no-leak checks). */
    public int bindingCount() {
        return registrar.bindingCount();
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
