package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OversizeAndMalformedMessagesIT extends ClientProtocolITSupport {

    @Test
    void malformedMessagesGetStableErrorCodesAndTheConnectionStaysUsable() {
        ProtocolTestClient browser = connect();

        browser.sendRaw("{not json");
        assertThat(browser.next("error").get("code").asText()).isEqualTo("bad-json");
        browser.sendRaw("{\"v\":2,\"type\":\"ping\",\"id\":\"old\"}");
        JsonNode version = browser.next("error");
        assertThat(version.get("code").asText()).isEqualTo("unsupported-version");
        assertThat(version.get("id").asText()).isEqualTo("old");
        browser.sendRaw("{\"v\":1,\"type\":\"teleport\"}");
        assertThat(browser.next("error").get("code").asText()).isEqualTo("unknown-type");
        browser.sendRaw("{\"v\":1,\"type\":\"call\",\"id\":\"x\",\"destination\":\"support\"}");
        JsonNode invalid = browser.next("error");
        assertThat(invalid.get("code").asText()).isEqualTo("invalid-message");
        assertThat(invalid.get("path").asText()).isEqualTo("/media");

        browser.authenticateAndStart(token(), Optional.empty());
        browser.endSession();
    }

    @Test
    void anOversizeMessageGetsTooLargeThenTheSocketClosesWith1009() {
        ProtocolTestClient browser = connect();
        browser.authenticateAndStart(token(), Optional.empty());

        String text = "x".repeat(70_000);
        browser.send("chat", "big", m -> m.put("text", text));

        JsonNode error = browser.next("error");
        assertThat(error.get("code").asText()).isEqualTo("too-large");
        assertThat(browser.awaitClosed()).isEqualTo(1009);
        // The drop detached the session; the client comes back and ends it.
        ProtocolTestClient again = connect();
        again.authenticateAndStart(
                token(),
                Optional.of(browser.received().stream()
                        .filter(m -> m.path("type").asText().equals("session"))
                        .findFirst()
                        .orElseThrow()
                        .get("resumeToken")
                        .asText()));
        again.endSession();
    }

    @Test
    void aClientSendingFasterThanTheRateLimitHasMessagesDroppedWithRateLimited() {
        ProtocolTestClient browser = connect();
        browser.authenticateAndStart(token(), Optional.empty());

        for (int i = 0; i < 60; i++) {
            browser.send("ping", "p" + i, m -> {});
        }

        assertThat(browser.next("error").get("code").asText()).isEqualTo("rate-limited");
        // Admitted pings are still answered; the connection stays up.
        assertThat(browser.next("pong").get("id").asText()).isEqualTo("p0");
        browser.endSession();
    }
}
