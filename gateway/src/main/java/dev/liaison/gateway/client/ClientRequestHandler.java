package dev.liaison.gateway.client;

import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.CallRequests;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientMessage;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import dev.liaison.gateway.client.protocol.MediaModes;
import dev.liaison.gateway.client.protocol.ServerMessage;
import dev.liaison.gateway.client.session.ClientLeg;
import dev.liaison.gateway.client.session.ClientSession;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.session.SessionEvents;
import dev.liaison.gateway.client.token.ClientToken;
import dev.liaison.gateway.client.token.ClientTokenVerifier;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one decoded client message on its connection. Refusals are thrown as {@link ClientProtocolException}; the
 * WebSocket handler turns them into {@code error} messages.
 */
final class ClientRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(ClientRequestHandler.class);

    /** {@link CallRequest#attributes()} keys set on calls from clients. */
    static final String SUBJECT_ATTRIBUTE = "client.subject";

    static final String SITE_ATTRIBUTE = "client.site";
    static final String SESSION_ATTRIBUTE = "client.session";
    static final String CALL_ATTRIBUTE = "client.call";

    private final ClientTokenVerifier verifier;
    private final ClientSessionRegistry registry;
    private final SessionEvents events;
    private final Supplier<Optional<CallRequests>> callRequests;

    ClientRequestHandler(
            ClientTokenVerifier verifier,
            ClientSessionRegistry registry,
            SessionEvents events,
            Supplier<Optional<CallRequests>> callRequests) {
        this.verifier = verifier;
        this.registry = registry;
        this.events = events;
        this.callRequests = callRequests;
    }

    void handle(ClientConnection connection, ClientMessage message, Optional<String> id) {
        // Java 17: no pattern matching for switch yet; one branch per message type of the sealed interface.
        if (message instanceof ClientMessage.Ping) {
            connection.send(new ServerMessage.Pong(), id);
        } else if (message instanceof ClientMessage.Authenticate authenticate) {
            authenticate(connection, authenticate, id);
        } else if (message instanceof ClientMessage.StartSession start) {
            startSession(connection, start, id);
        } else if (message instanceof ClientMessage.EndSession) {
            registry.close(attachedSession(connection), EndReason.NORMAL, "ended-by-client");
        } else if (message instanceof ClientMessage.Call call) {
            call(connection, call, id);
        } else if (message instanceof ClientMessage.Answer answer) {
            call(connection, answer.callId()).clientAnswer(answer.sdp());
        } else if (message instanceof ClientMessage.Reject reject) {
            boolean busy = reject.reason().filter("busy"::equals).isPresent();
            call(connection, reject.callId()).clientReject(busy ? EndReason.BUSY : EndReason.DECLINED);
        } else if (message instanceof ClientMessage.Hangup hangup) {
            call(connection, hangup.callId()).clientHangup();
        } else if (message instanceof ClientMessage.Hold hold) {
            call(connection, hold.callId()).clientMediaOffer(hold.sdp(), true);
        } else if (message instanceof ClientMessage.Resume resume) {
            call(connection, resume.callId()).clientMediaOffer(resume.sdp(), false);
        } else if (message instanceof ClientMessage.MediaOffer offer) {
            call(connection, offer.callId()).clientMediaOffer(offer.sdp(), null);
        } else if (message instanceof ClientMessage.MediaAnswer answer) {
            call(connection, answer.callId()).clientMediaAnswer(answer.sdp());
        } else if (message instanceof ClientMessage.Mute mute) {
            mute(connection, mute);
        } else if (message instanceof ClientMessage.Dtmf dtmf) {
            call(connection, dtmf.callId())
                    .clientDtmf(dtmf.digits(), dtmf.durationMs().orElse(100));
        } else if (message instanceof ClientMessage.Chat chat) {
            chat(connection, chat);
        } else if (message instanceof ClientMessage.ContextUpdate context) {
            ClientSession session = attachedSession(connection);
            Map<String, String> entries = Map.copyOf(context.entries());
            events.publish(l -> l.contextUpdated(session.info(), entries));
        } else if (message instanceof ClientMessage.QualityReport quality) {
            quality(connection, quality);
        } else {
            throw new ClientProtocolException(ClientErrorCode.INTERNAL, "No handler for " + message);
        }
    }

    private void authenticate(ClientConnection connection, ClientMessage.Authenticate message, Optional<String> id) {
        if (connection.state() != ConnectionState.CONNECTED) {
            throw new ClientProtocolException(ClientErrorCode.INVALID_STATE, "Already authenticated");
        }
        ClientToken token = verifier.verify(message.token());
        if (!token.allowsOrigin(connection.origin())) {
            log.warn(
                    "Connection {}: token of {}/{} used from origin {}, refused",
                    connection.id(),
                    token.site(),
                    token.subject(),
                    connection.origin().orElse("(none)"));
            throw new ClientProtocolException(
                    ClientErrorCode.FORBIDDEN_ORIGIN, "This token may not be used from this origin");
        }
        connection.authenticated(token);
        connection.send(new ServerMessage.Authenticated(token.subject(), token.site(), token.expiresAt()), id);
    }

    private void startSession(ClientConnection connection, ClientMessage.StartSession message, Optional<String> id) {
        ClientToken token = connection
                .token()
                .orElseThrow(() ->
                        new ClientProtocolException(ClientErrorCode.NOT_AUTHENTICATED, "Send authenticate first"));
        if (connection.state() != ConnectionState.AUTHENTICATED) {
            throw new ClientProtocolException(ClientErrorCode.INVALID_STATE, "This connection already has a session");
        }
        ClientSession session = message.resumeToken().isPresent()
                ? registry.resume(message.resumeToken().get(), token, connection, id)
                : registry.start(token, message.correlationId(), connection, id);
        if (!connection.attached(session)) {
            // The socket closed while the session was being started or resumed: treat it as a drop.
            registry.detach(session, connection);
        }
    }

    private void call(ClientConnection connection, ClientMessage.Call message, Optional<String> id) {
        ClientSession session = attachedSession(connection);
        ClientToken token = session.token();
        if (!token.allowsDestination(message.destination())) {
            log.warn(
                    "Session {}: {}/{} may not call '{}', refused",
                    session.id(),
                    token.site(),
                    token.subject(),
                    message.destination());
            throw new ClientProtocolException(
                    ClientErrorCode.FORBIDDEN_DESTINATION,
                    "Destination '" + message.destination() + "' is not allowed for this token");
        }
        MediaMode mode = MediaModes.fromWire(message.media());
        ClientLeg leg = registry.newLeg(session, ClientLeg.Direction.OUTGOING, mode, message.destination());
        session.send(new ServerMessage.Calling(leg.id(), message.destination()), id);
        Optional<CallRequests> calls = callRequests.get();
        if (calls.isEmpty()) {
            log.error("Session {}: no CallRequests in this application, call {} ends", session.id(), leg.id());
            leg.hangUp(EndReason.UNAVAILABLE);
            return;
        }
        CallRequest request = new CallRequest(
                message.destination(),
                message.sdp(),
                mode,
                Optional.of(session.info().correlationId()),
                Map.of(
                        SUBJECT_ATTRIBUTE, token.subject(),
                        SITE_ATTRIBUTE, token.site(),
                        SESSION_ATTRIBUTE, session.id(),
                        CALL_ATTRIBUTE, leg.id()));
        try {
            calls.get().incoming(leg, request);
        } catch (RuntimeException e) {
            log.error("Session {}: routing call {} failed", session.id(), leg.id(), e);
            leg.hangUp(EndReason.ERROR);
        }
    }

    private void mute(ClientConnection connection, ClientMessage.Mute mute) {
        ClientSession session = attachedSession(connection);
        session.call(mute.callId()).clientMute(mute.audioMuted(), mute.videoMuted());
        events.publish(l -> l.muteChanged(session.info(), mute.callId(), mute.audioMuted(), mute.videoMuted()));
    }

    private void chat(ClientConnection connection, ClientMessage.Chat chat) {
        ClientSession session = attachedSession(connection);
        chat.callId().ifPresent(session::call);
        events.publish(l -> l.chat(session.info(), chat.text(), chat.callId()));
    }

    private void quality(ClientConnection connection, ClientMessage.QualityReport quality) {
        ClientSession session = attachedSession(connection);
        session.call(quality.callId());
        ClientSessionListener.QualityReport report = new ClientSessionListener.QualityReport(
                quality.callId(), quality.rttMs(), quality.jitterMs(), quality.lossPercent(), quality.bitrateKbps());
        events.publish(l -> l.qualityReported(session.info(), report));
    }

    private static ClientLeg call(ClientConnection connection, String callId) {
        return attachedSession(connection).call(callId);
    }

    private static ClientSession attachedSession(ClientConnection connection) {
        return switch (connection.state()) {
            case CONNECTED ->
                throw new ClientProtocolException(ClientErrorCode.NOT_AUTHENTICATED, "Send authenticate first");
            case AUTHENTICATED ->
                throw new ClientProtocolException(ClientErrorCode.INVALID_STATE, "Send start-session first");
            case ATTACHED -> connection.session().orElseThrow();
            case CLOSED -> throw new ClientProtocolException(ClientErrorCode.INVALID_STATE, "Connection closed");
        };
    }
}
