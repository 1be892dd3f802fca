package dev.liaison.gateway.client.session;

import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import dev.liaison.gateway.client.protocol.ServerMessage;
import dev.liaison.gateway.client.token.ClientToken;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One customer's session: its identity, its live calls, and where its messages go. While {@link SessionState#ACTIVE}
 * they go to the attached connection; while {@link SessionState#DETACHED} they wait in a bounded buffer (oldest dropped
 * first) for the client to reattach. State changes happen only in {@link #transition}; the registry decides when.
 * Thread-safe.
 */
public final class ClientSession {

    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    private final ClientSessionInfo info;
    private final String resumeToken;
    private final ClientToken token;
    private final int detachedBufferLimit;
    private final long startOrder;
    private final Map<String, ClientLeg> calls = new ConcurrentHashMap<>();
    private final ArrayDeque<Pending> detachedBuffer = new ArrayDeque<>();

    private SessionState state = SessionState.ACTIVE;
    private MessageSink sink;
    private Timeouts.Cancellable detachTimer;
    private long droppedWhileDetached;

    ClientSession(
            ClientSessionInfo info,
            String resumeToken,
            ClientToken token,
            MessageSink sink,
            int detachedBufferLimit,
            long startOrder) {
        this.info = Objects.requireNonNull(info, "info");
        this.resumeToken = Objects.requireNonNull(resumeToken, "resumeToken");
        this.token = Objects.requireNonNull(token, "token");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.detachedBufferLimit = detachedBufferLimit;
        this.startOrder = startOrder;
    }

    public ClientSessionInfo info() {
        return info;
    }

    public String id() {
        return info.sessionId();
    }

    /** When the session started relative to the others of its registry (higher is later). */
    long startOrder() {
        return startOrder;
    }

    String resumeToken() {
        return resumeToken;
    }

    public ClientToken token() {
        return token;
    }

    public synchronized SessionState state() {
        return state;
    }

    /** Send a message to the client now, or keep it for a reattach while detached; dropped once closed. */
    public void send(ServerMessage message) {
        send(message, Optional.empty());
    }

    public synchronized void send(ServerMessage message, Optional<String> replyTo) {
        switch (state) {
            case ACTIVE -> {
                if (!sink.send(message, replyTo)) {
                    // The connection is going away (or its client reads too slowly): keep it for the reattach.
                    keepForReattach(message, replyTo);
                }
            }
            case DETACHED -> keepForReattach(message, replyTo);
            case CLOSED ->
                log.debug(
                        "Session {} closed; dropped {}",
                        id(),
                        message.getClass().getSimpleName());
        }
    }

    private void keepForReattach(ServerMessage message, Optional<String> replyTo) {
        if (detachedBufferLimit == 0) {
            droppedWhileDetached++;
            return;
        }
        if (detachedBuffer.size() >= detachedBufferLimit) {
            detachedBuffer.removeFirst();
            droppedWhileDetached++;
        }
        detachedBuffer.addLast(new Pending(message, replyTo));
    }

    /** The live call with this id, or {@code no-such-call}. */
    public ClientLeg call(String callId) {
        ClientLeg leg = calls.get(callId);
        if (leg == null) {
            throw new ClientProtocolException(ClientErrorCode.NO_SUCH_CALL, "No live call '" + callId + "'");
        }
        return leg;
    }

    public Collection<ClientLeg> calls() {
        return List.copyOf(calls.values());
    }

    void addCall(ClientLeg leg) {
        calls.put(leg.id(), leg);
    }

    void removeCall(ClientLeg leg) {
        calls.remove(leg.id(), leg);
    }

    /** The one place a session changes state; returns the previous state. Illegal moves are programming errors. */
    synchronized SessionState transition(SessionState to) {
        if (!state.next().contains(to)) {
            throw new IllegalStateException("Session " + id() + " cannot go from " + state + " to " + to);
        }
        SessionState from = state;
        state = to;
        log.debug("Session {}: {} -> {}", id(), from, to);
        return from;
    }

    /** Detach: drop the sink (only if it is still {@code expected}) and remember the timer that will close us. */
    synchronized boolean detach(MessageSink expected, Timeouts.Cancellable timer) {
        if (state != SessionState.ACTIVE || sink != expected) {
            timer.cancel();
            return false;
        }
        transition(SessionState.DETACHED);
        detachTimer = timer;
        return true;
    }

    /**
     * Attach a new sink: cancel the detach timer, send {@code first} (the resume answer), then what was buffered. Returns
     * the previous sink when it was taken over from a still-attached connection.
     */
    synchronized Optional<MessageSink> attach(MessageSink newSink, ServerMessage first, Optional<String> replyTo) {
        Optional<MessageSink> previous = state == SessionState.ACTIVE ? Optional.of(sink) : Optional.empty();
        transition(SessionState.ACTIVE);
        if (detachTimer != null) {
            detachTimer.cancel();
            detachTimer = null;
        }
        sink = newSink;
        sink.send(first, replyTo);
        if (droppedWhileDetached > 0) {
            log.info("Session {} dropped {} messages while detached", id(), droppedWhileDetached);
            droppedWhileDetached = 0;
        }
        while (!detachedBuffer.isEmpty()) {
            Pending pending = detachedBuffer.removeFirst();
            sink.send(pending.message(), pending.replyTo());
        }
        return previous;
    }

    /** Close: the sink (if attached) is told to close after what is queued. Returns false if already closed. */
    synchronized boolean close(String reason) {
        if (state == SessionState.CLOSED) {
            return false;
        }
        SessionState from = transition(SessionState.CLOSED);
        if (detachTimer != null) {
            detachTimer.cancel();
            detachTimer = null;
        }
        detachedBuffer.clear();
        if (from == SessionState.ACTIVE) {
            sink.close(reason);
        }
        return true;
    }

    /** Whether {@code sink} is the connection this session currently talks to. */
    public synchronized boolean isAttachedTo(MessageSink candidate) {
        return state == SessionState.ACTIVE && sink == candidate;
    }

    private record Pending(ServerMessage message, Optional<String> replyTo) {}
}
