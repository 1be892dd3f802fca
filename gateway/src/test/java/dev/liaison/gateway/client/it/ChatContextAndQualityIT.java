package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.liaison.gateway.client.ClientSessions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChatContextAndQualityIT extends ClientProtocolITSupport {

    @Autowired
    ClientSessions sessions;

    @Test
    void chatGoesBothWaysAndContextAndQualityReachTheListeners() {
        ProtocolTestClient browser = connect();
        String sessionId = browser.authenticateAndStart(token(), Optional.empty())
                .get("sessionId")
                .asText();

        browser.send("chat", "c1", m -> m.put("text", "Hello, I need help"));
        browser.send("context", "ctx", m -> m.putObject("entries").put("page", "/pricing"));
        await().until(() -> sessionEvents.events().contains("context:{page=/pricing}"));
        assertThat(sessionEvents.events()).contains("chat:Hello, I need help");

        assertThat(sessions.sendChat(sessionId, "agent-7", "How can I help?", Optional.empty()))
                .isTrue();
        JsonNode chat = browser.next("chat");
        assertThat(chat.get("from").asText()).isEqualTo("agent-7");
        assertThat(chat.get("text").asText()).isEqualTo("How can I help?");

        sessions.sendEvent(
                sessionId,
                "queue-position",
                JsonNodeFactory.instance.objectNode().put("position", 2));
        assertThat(browser.next("event").at("/data/position").asInt()).isEqualTo(2);

        browser.send("call", "call", m -> m.put("destination", "support")
                .put("media", "audio")
                .put("sdp", OFFER));
        String callId = browser.next("answered").get("callId").asText();
        browser.send(
                "quality",
                "q",
                m -> m.put("callId", callId).put("rttMs", 80).put("jitterMs", 4).put("lossPercent", 0.5));
        await().until(() -> sessionEvents.events().contains("quality:" + callId));
        browser.send("quality", "q2", m -> m.put("callId", "c-unknown")
                .put("rttMs", 80)
                .put("jitterMs", 4)
                .put("lossPercent", 0.5));
        assertThat(browser.next("error").get("code").asText()).isEqualTo("no-such-call");

        browser.send("ping", "p", m -> {});
        assertThat(browser.next("pong").get("id").asText()).isEqualTo("p");
        browser.endSession();
        assertThat(browser.next("ended").get("callId").asText()).isEqualTo(callId);
        assertThat(sessionEvents.events()).endsWith("closed:ended-by-client");
    }
}
