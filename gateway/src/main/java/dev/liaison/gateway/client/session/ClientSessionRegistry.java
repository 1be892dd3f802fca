package dev.liaison.gateway.client.session;

import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import dev.liaison.gateway.client.protocol.ServerMessage;
import dev.liaison.gateway.client.token.ClientToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client sessions of this node and their calls. Decides when a session starts, detaches, reattaches and closes:
 * a dropped socket detaches its session and starts the detach timeout; a client that presents the resume token in
 * time (with a token of the same subject and site) gets the session back with its live calls; otherwise the calls end
 * with {@link EndReason#DETACH_TIMEOUT} and the session closes. Thread-safe.
 */
public final class ClientSessionRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientSessionRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ClientSession> sessionsById = new ConcurrentHashMap<>();
    private final Map<String, ClientSession> sessionsByResumeToken = new ConcurrentHashMap<>();
    private final Map<String, ClientLeg> legs = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final Duration detachTimeout;
    private final int sessionsPerToken;
    private final int detachedBufferMessages;
    private final Timeouts timeouts;
    private final SessionEvents events;

    public ClientSessionRegistry(
            Duration detachTimeout,
            int sessionsPerToken,
            int detachedBufferMessages,
            Timeouts timeouts,
            SessionEvents events) {
        this.detachTimeout = detachTimeout;
        this.sessionsPerToken = sessionsPerToken;
        this.detachedBufferMessages = detachedBufferMessages;
        this.timeouts = timeouts;
        this.events = events;
    }

    /** Start a new session for an authenticated connection and send it the {@code session} message. */
    public ClientSession start(
            ClientToken token, Optional<String> correlationId, MessageSink sink, Optional<String> replyTo) {
        ClientSession session;
        synchronized (this) {
            long live = sessionsById.values().stream()
                    .filter(s -> s.token().tokenId().equals(token.tokenId()))
                    .count();
            if (live >= sessionsPerToken) {
                throw new ClientProtocolException(
                        ClientErrorCode.TOO_MANY_SESSIONS,
                        "This token already has " + live + " live sessions (at most " + sessionsPerToken + ")");
            }
            ClientSessionInfo info = new ClientSessionInfo(
                    UUID.randomUUID().toString(),
                    correlationId.orElseGet(() -> UUID.randomUUID().toString()),
                    token.subject(),
                    token.site());
            session = new ClientSession(
                    info, randomToken(), token, sink, detachedBufferMessages, started.incrementAndGet());
            sessionsById.put(session.id(), session);
            sessionsByResumeToken.put(session.resumeToken(), session);
        }
        session.send(sessionMessage(session, false), replyTo);
        log.info(
                "Session {} started for {}/{} (correlation {})",
                session.id(),
                token.site(),
                token.subject(),
                session.info().correlationId());
        events.publish(l -> l.sessionStarted(session.info()));
        return session;
    }

    /**
     * Reattach an authenticated connection to the session of {@code resumeToken}. If the session still has a
     * connection (the client noticed the drop before the server did), that connection is closed and replaced.
     */
    public ClientSession resume(String resumeToken, ClientToken token, MessageSink sink, Optional<String> replyTo) {
        ClientSession session = sessionsByResumeToken.get(resumeToken);
        if (session == null
                || session.state() == SessionState.CLOSED
                || !session.token().subject().equals(token.subject())
                || !session.token().site().equals(token.site())) {
            throw new ClientProtocolException(
                    ClientErrorCode.NO_SUCH_SESSION, "No live session for this resume token and customer");
        }
        List<ServerMessage.CallSnapshot> calls =
                session.calls().stream().map(ClientLeg::snapshot).toList();
        Optional<MessageSink> previous;
        try {
            previous = session.attach(
                    sink,
                    new ServerMessage.Session(
                            session.id(),
                            session.info().correlationId(),
                            true,
                            session.resumeToken(),
                            detachTimeout.toMillis(),
                            calls),
                    replyTo);
        } catch (IllegalStateException closedMeanwhile) {
            throw new ClientProtocolException(ClientErrorCode.NO_SUCH_SESSION, "The session has just closed");
        }
        previous.ifPresent(old -> old.close("session-taken-over"));
        log.info("Session {} resumed with {} live calls", session.id(), calls.size());
        events.publish(l -> l.sessionResumed(session.info()));
        return session;
    }

    /** The socket of {@code sink} dropped: detach its session (if still attached to it) and start the timeout. */
    public void detach(ClientSession session, MessageSink sink) {
        Timeouts.Cancellable timer = timeouts.schedule(detachTimeout, () -> expire(session));
        if (session.detach(sink, timer)) {
            log.info(
                    "Session {} detached; {} live calls wait {} for a reattach",
                    session.id(),
                    session.calls().size(),
                    detachTimeout);
            events.publish(l -> l.sessionDetached(session.info()));
        }
    }

    private void expire(ClientSession session) {
        if (session.state() == SessionState.DETACHED) {
            close(session, EndReason.DETACH_TIMEOUT, "detach-timeout");
        }
    }

    /** Close a session for good: end its calls with {@code callReason}, forget it, tell the listeners. */
    public void close(ClientSession session, EndReason callReason, String reason) {
        for (ClientLeg leg : session.calls()) {
            leg.endFromSession(callReason);
        }
        if (session.state() == SessionState.ACTIVE) {
            session.send(new ServerMessage.SessionEnded(reason));
        }
        if (!session.close(reason)) {
            return;
        }
        sessionsById.remove(session.id(), session);
        sessionsByResumeToken.remove(session.resumeToken(), session);
        log.info("Session {} closed: {}", session.id(), reason);
        events.publish(l -> l.sessionClosed(session.info(), reason));
    }

    /** A new call leg in {@code session}; it forgets itself when it ends. */
    public ClientLeg newLeg(ClientSession session, ClientLeg.Direction direction, MediaMode mode, String peer) {
        ClientLeg leg = new ClientLeg(newCallId(), direction, session, mode, peer, ended -> legs.remove(ended.id()));
        legs.put(leg.id(), leg);
        session.addCall(leg);
        return leg;
    }

    public Optional<ClientSession> session(String sessionId) {
        return Optional.ofNullable(sessionsById.get(sessionId));
    }

    /**
     * The {@link SessionState#ACTIVE} session of the token subject {@code subject} (any site), for calls to
     * {@code client:<subject>}: when the subject has several (two tabs), the one started last; empty when none is.
     */
    public Optional<ClientSession> activeSessionOf(String subject) {
        return sessionsById.values().stream()
                .filter(s -> s.info().subject().equals(subject))
                .filter(s -> s.state() == SessionState.ACTIVE)
                .max(Comparator.comparingLong(ClientSession::startOrder));
    }

    public Collection<ClientSession> sessions() {
        return List.copyOf(sessionsById.values());
    }

    /** Live sessions (active and detached). */
    public int sessionCount() {
        return sessionsById.size();
    }

    /** Live client call legs on this node. */
    public int legCount() {
        return legs.size();
    }

    public Duration detachTimeout() {
        return detachTimeout;
    }

    /** Close every session (node shutdown): calls end with {@link EndReason#UNAVAILABLE}. */
    public void closeAll() {
        for (ClientSession session : sessions()) {
            close(session, EndReason.UNAVAILABLE, "shutdown");
        }
    }

    private ServerMessage.Session sessionMessage(ClientSession session, boolean resumed) {
        return new ServerMessage.Session(
                session.id(),
                session.info().correlationId(),
                resumed,
                session.resumeToken(),
                detachTimeout.toMillis(),
                List.of());
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String newCallId() {
        return "c-" + UUID.randomUUID().toString().replace("-", "");
    }
}
