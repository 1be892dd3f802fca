package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.call.LegState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {ShortTimeouts.DETACH, ShortTimeouts.AUTHENTICATE})
class DetachTimeoutEndsCallIT extends ClientProtocolITSupport {

    @Test
    void aClientThatDoesNotReattachInTimeHasItsCallEndedWithDetachTimeout() {
        String token = token();
        ProtocolTestClient browser = connect();
        JsonNode session = browser.authenticateAndStart(token, Optional.empty());
        browser.send("call", "call", m -> m.put("destination", "support")
                .put("media", "audio")
                .put("sdp", OFFER));
        browser.next("answered");
        AnsweringCallRequests.Received call = callLayer.last();

        browser.drop();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> call.events().events().contains("ended:detach-timeout"));
        assertThat(call.leg().state()).isEqualTo(LegState.ENDED);
        await().until(() -> sessionEvents.events().contains("closed:detach-timeout"));

        ProtocolTestClient late = connect();
        late.send("authenticate", "auth", m -> m.put("token", token));
        late.next("authenticated");
        late.send(
                "start-session",
                "resume",
                m -> m.put("resumeToken", session.get("resumeToken").asText()));
        assertThat(late.next("error").get("code").asText()).isEqualTo("no-such-session");
    }
}
