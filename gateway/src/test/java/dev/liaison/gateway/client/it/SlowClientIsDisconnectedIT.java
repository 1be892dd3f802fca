package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liaison.gateway.client.ClientSessions;
import dev.liaison.gateway.client.session.SessionState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SlowClientIsDisconnectedIT extends ClientProtocolITSupport {

    @Autowired
    ClientSessions sessions;

    @Test
    void aClientThatStopsReadingIsDisconnectedAndItsSessionDetachesInsteadOfGrowingMemory() {
        ProtocolTestClient stalled = connect();
        String sessionId = stalled.authenticateAndStart(token(), Optional.empty())
                .get("sessionId")
                .asText();
        stalled.stopReading();
        ObjectNode bulky = JsonNodeFactory.instance.objectNode().put("filler", "x".repeat(16_000));

        // Far more than the TCP buffers and the 256-message outbound queue can hold together (~64 MB).
        for (int i = 0; i < 4_000 && handler.connectionCount() > 0; i++) {
            sessions.sendEvent(sessionId, "bulk", bulky);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> handler.connectionCount() == 0);
        assertThat(registry.session(sessionId)).get().extracting(s -> s.state()).isEqualTo(SessionState.DETACHED);
        assertThat(sessions.end(sessionId, "test-over")).isTrue();
    }
}
