package dev.liaison.routes.acd;

import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.gateway.client.ClientSessionListener;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes client sessions' chat messages off the WebSocket thread (listeners must not block) onto the bounded
 * {@link AcdConstants#CHAT_ENDPOINT} queue, in the order they came; a full queue drops the message with a logged
 * error rather than stall the socket.
 */
@Component
class AcdChatListener implements ClientSessionListener {

    private final ProducerTemplate producer;

    AcdChatListener(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void chat(ClientSessionInfo session, String text, Optional<String> callId) {
        producer.sendBody(AcdConstants.CHAT_ENDPOINT, new ChatLine(session, text, callId));
    }
}
