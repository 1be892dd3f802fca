package dev.liaison.gateway.client.session;

import dev.liaison.gateway.client.protocol.ServerMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection stand-in that keeps what it was sent. */
final class RecordingSink implements MessageSink {

    final List<ServerMessage> messages = new CopyOnWriteArrayList<>();
    volatile String closedWith;
    volatile boolean refusing;

    @Override
    public boolean send(ServerMessage message, Optional<String> replyTo) {
        if (refusing) {
            return false;
        }
        messages.add(message);
        return true;
    }

    @Override
    public void close(String reason) {
        closedWith = reason;
    }

    <T extends ServerMessage> List<T> of(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
