package dev.liaison.gateway.client;

import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ProtocolCodec;
import dev.liaison.gateway.client.protocol.ServerMessage;
import dev.liaison.gateway.client.session.ClientSession;
import dev.liaison.gateway.client.session.MessageSink;
import dev.liaison.gateway.client.session.Timeouts;
import dev.liaison.gateway.client.token.ClientToken;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One WebSocket on {@code /ws/client}: its state, its token once authenticated, its session once attached, its
 * outbound queue and its rate limit. The state changes only in {@link #transition}. Thread-safe.
 */
final class ClientConnection implements MessageSink {

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    private final WebSocketSession socket;
    private final OutboundQueue outbound;
    private final ProtocolCodec codec;
    private final RateLimiter rateLimiter;
    private final FrameAssembler assembler;
    private final ClientMetrics metrics;

    private ConnectionState state = ConnectionState.CONNECTED;
    private ClientToken token;
    private ClientSession session;
    private Timeouts.Cancellable authenticateTimer;

    ClientConnection(
            WebSocketSession socket,
            OutboundQueue outbound,
            ProtocolCodec codec,
            RateLimiter rateLimiter,
            FrameAssembler assembler,
            ClientMetrics metrics) {
        this.socket = socket;
        this.outbound = outbound;
        this.codec = codec;
        this.rateLimiter = rateLimiter;
        this.assembler = assembler;
        this.metrics = metrics;
    }

    String id() {
        return socket.getId();
    }

    /** The {@code Origin} header of the WebSocket handshake, absent for native apps. */
    Optional<String> origin() {
        return Optional.ofNullable(socket.getHandshakeHeaders().getOrigin());
    }

    synchronized ConnectionState state() {
        return state;
    }

    synchronized Optional<ClientToken> token() {
        return Optional.ofNullable(token);
    }

    synchronized Optional<ClientSession> session() {
        return Optional.ofNullable(session);
    }

    /** Adds a received part; the whole message after its last part, or {@code too-large}. */
    Optional<String> assemble(String part, boolean last) {
        return assembler.append(part, last);
    }

    boolean admitMessage() {
        return rateLimiter.tryAcquire();
    }

    synchronized void authenticateTimer(Timeouts.Cancellable timer) {
        this.authenticateTimer = timer;
    }

    synchronized void authenticated(ClientToken verified) {
        transition(ConnectionState.AUTHENTICATED);
        token = verified;
        if (authenticateTimer != null) {
            authenticateTimer.cancel();
            authenticateTimer = null;
        }
    }

    /** Bind the session; false if the socket closed meanwhile (the caller then detaches the session). */
    synchronized boolean attached(ClientSession attachedSession) {
        if (state == ConnectionState.CLOSED) {
            return false;
        }
        transition(ConnectionState.ATTACHED);
        session = attachedSession;
        return true;
    }

    /** The socket closed; returns the session that was attached, for the registry to detach. */
    synchronized Optional<ClientSession> closed() {
        if (state == ConnectionState.CLOSED) {
            return Optional.empty();
        }
        transition(ConnectionState.CLOSED);
        outbound.closed();
        if (authenticateTimer != null) {
            authenticateTimer.cancel();
            authenticateTimer = null;
        }
        return Optional.ofNullable(session);
    }

    /** The one place the connection's state changes. */
    private void transition(ConnectionState to) {
        if (!state.next().contains(to)) {
            throw new IllegalStateException("Connection " + id() + " cannot go from " + state + " to " + to);
        }
        log.debug("Connection {}: {} -> {}", id(), state, to);
        state = to;
    }

    @Override
    public boolean send(ServerMessage message, Optional<String> replyTo) {
        if (message instanceof ServerMessage.Error error) {
            metrics.error(error.code());
        }
        metrics.sent(ProtocolCodec.typeOf(message));
        return outbound.offer(codec.encode(message, replyTo));
    }

    /** Send an error; if its code closes the connection, close it after the error is written. */
    void sendError(ClientErrorCode code, String message, Optional<String> path, Optional<String> replyTo) {
        send(new ServerMessage.Error(code.wireCode(), message, path), replyTo);
        if (code.closesConnection()) {
            outbound.closeAfterFlush(
                    code == ClientErrorCode.TOO_LARGE
                            ? CloseStatus.TOO_BIG_TO_PROCESS.withReason("message too large")
                            : CloseStatus.POLICY_VIOLATION.withReason(code.wireCode()));
        }
    }

    @Override
    public void close(String reason) {
        outbound.closeAfterFlush(CloseStatus.NORMAL.withReason(reason));
    }
}
