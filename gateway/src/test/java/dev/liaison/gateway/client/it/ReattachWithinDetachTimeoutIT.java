package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.call.LegState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReattachWithinDetachTimeoutIT extends ClientProtocolITSupport {

    @Test
    void aClientWhoseSocketDropsMidCallReattachesAndTheCallIsNotHungUp() {
        String token = token();
        ProtocolTestClient first = connect();
        JsonNode session = first.authenticateAndStart(token, Optional.empty());
        first.send("call", "call", m -> m.put("destination", "support")
                .put("media", "audio")
                .put("sdp", OFFER));
        String callId = first.next("answered").get("callId").asText();
        AnsweringCallRequests.Received call = callLayer.last();

        first.drop();
        await().until(() -> sessionEvents.events().stream().anyMatch(e -> e.startsWith("detached:")));
        assertThat(call.leg().state()).isEqualTo(LegState.ANSWERED);
        call.leg().updateMedia("v=0 offer-while-detached");

        ProtocolTestClient second = connect();
        JsonNode resumed = second.authenticateAndStart(
                token, Optional.of(session.get("resumeToken").asText()));

        assertThat(resumed.get("resumed").asBoolean()).isTrue();
        assertThat(resumed.get("sessionId").asText())
                .isEqualTo(session.get("sessionId").asText());
        assertThat(resumed.get("correlationId").asText())
                .isEqualTo(session.get("correlationId").asText());
        assertThat(resumed.get("calls")).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.get("callId").asText()).isEqualTo(callId);
            assertThat(snapshot.get("state").asText()).isEqualTo("answered");
        });
        assertThat(second.next("media-offer").get("sdp").asText()).isEqualTo("v=0 offer-while-detached");
        assertThat(call.events().events()).noneMatch(e -> e.startsWith("ended"));
        assertThat(call.leg().state()).isEqualTo(LegState.ANSWERED);

        second.send("hangup", "bye", m -> m.put("callId", callId));
        assertThat(second.next("ended").get("reason").asText()).isEqualTo("normal");
        assertThat(call.events().events()).endsWith("ended:normal");
        second.endSession();
    }
}
