package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.session.ClientLegProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IncomingCallAnsweredIT extends ClientProtocolITSupport {

    @Autowired
    ClientLegProvider legs;

    @Test
    void theServerCallsAConnectedClientWhichAnswersAndTheServerHangsUp() {
        ProtocolTestClient browser = connect();
        String sessionId = browser.authenticateAndStart(token(), Optional.empty())
                .get("sessionId")
                .asText();
        CallRequest request = new CallRequest(
                "callback", Optional.of(OFFER), MediaMode.VIDEO, Optional.empty(), Map.of("from", "agent-7"));

        CallLeg leg = legs.createOutbound(sessionId, "call-42", request).orElseThrow();
        TestLegListener events = new TestLegListener();
        leg.setListener(events);
        leg.start(Optional.of(OFFER));

        JsonNode incoming = browser.next("incoming-call");
        assertThat(incoming.get("from").asText()).isEqualTo("agent-7");
        assertThat(incoming.get("media").asText()).isEqualTo("video");
        assertThat(incoming.get("sdp").asText()).isEqualTo(OFFER);
        String callId = incoming.get("callId").asText();
        await().until(() -> events.events().contains("ringing"));

        browser.send("answer", "ans", m -> m.put("callId", callId).put("sdp", "v=0 browser-answer"));
        await().until(() -> events.events().contains("answered:v=0 browser-answer"));

        leg.hangUp(EndReason.NORMAL);
        assertThat(browser.next("ended").get("reason").asText()).isEqualTo("normal");
        assertThat(events.events()).endsWith("ended:normal");
        assertThat(legs.createOutbound("no-such-session", "call-43", request)).isEmpty();
        browser.endSession();
    }

    @Test
    void aClientRejectsAnIncomingCallAsBusy() {
        ProtocolTestClient browser = connect();
        String sessionId = browser.authenticateAndStart(token(), Optional.empty())
                .get("sessionId")
                .asText();
        CallLeg leg = legs.createOutbound(
                        sessionId,
                        "call-44",
                        new CallRequest("support", Optional.empty(), MediaMode.AUDIO, Optional.empty(), Map.of()))
                .orElseThrow();
        TestLegListener events = new TestLegListener();
        leg.setListener(events);
        leg.start(Optional.empty());

        String callId = browser.next("incoming-call").get("callId").asText();
        browser.send("reject", "no", m -> m.put("callId", callId).put("reason", "busy"));

        await().until(() -> events.events().contains("ended:busy"));
        browser.endSession();
    }
}
