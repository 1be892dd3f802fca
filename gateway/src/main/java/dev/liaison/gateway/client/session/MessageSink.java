package dev.liaison.gateway.client.session;

import dev.liaison.gateway.client.protocol.ServerMessage;
import java.util.Optional;

/** Where a session's messages go while it is attached: one WebSocket connection. Never blocks. */
public interface MessageSink {

    /**
     * Queue a message; {@code replyTo} is the id of the client message it answers. Returns false when the connection
     * can no longer take it (closing, or its client is too slow), so the session keeps it for a reattach.
     */
    boolean send(ServerMessage message, Optional<String> replyTo);

    /** Close the connection after what is queued has been written (the session has ended or moved elsewhere). */
    void close(String reason);
}
