package dev.liaison.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.client.protocol.ServerMessage;
import dev.liaison.gateway.client.session.ClientSession;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What the rest of the product may do to client sessions: list them, push a chat message or an application event,
 * end one. Messages to a detached session wait (bounded) for it to reattach.
 */
public final class ClientSessions {

    private final ClientSessionRegistry registry;

    public ClientSessions(ClientSessionRegistry registry) {
        this.registry = registry;
    }

    /** The live sessions (active and detached). */
    public List<ClientSessionInfo> sessions() {
        return registry.sessions().stream().map(ClientSession::info).toList();
    }

    /** Send a chat message to a session; false if there is no such live session. */
    public boolean sendChat(String sessionId, String from, String text, Optional<String> callId) {
        return registry.session(sessionId)
                .map(session -> {
                    session.send(new ServerMessage.Chat(from, text, callId));
                    return true;
                })
                .orElse(false);
    }

    /** Push an application event ({@code name} and JSON {@code data}) to a session; false if there is none. */
    public boolean sendEvent(String sessionId, String name, JsonNode data) {
        return registry.session(sessionId)
                .map(session -> {
                    session.send(new ServerMessage.Event(name, data));
                    return true;
                })
                .orElse(false);
    }

    /** End a session from the server side: its calls end normally. False if there is none. */
    public boolean end(String sessionId, String reason) {
        return registry.session(sessionId)
                .map(session -> {
                    registry.close(session, dev.liaison.gateway.call.EndReason.NORMAL, reason);
                    return true;
                })
                .orElse(false);
    }
}
