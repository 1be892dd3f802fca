package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForbiddenDestinationIT extends ClientProtocolITSupport {

    @Test
    void aDestinationOutsideTheAllowListIsRefusedAndNeverReachesTheCallLayer() {
        ProtocolTestClient browser = connect();
        browser.authenticateAndStart(token(Set.of("support")), Optional.empty());

        browser.send("call", "toll", m -> m.put("destination", "+19005550100").put("media", "audio"));
        JsonNode error = browser.next("error");
        assertThat(error.get("code").asText()).isEqualTo("forbidden-destination");
        assertThat(error.get("id").asText()).isEqualTo("toll");

        browser.send("call", "sales", m -> m.put("destination", "sales").put("media", "audio"));
        assertThat(browser.next("error").get("code").asText()).isEqualTo("forbidden-destination");

        assertThat(callLayer.received()).isEmpty();
        assertThat(registry.legCount()).isZero();
        browser.endSession();
    }

    @Test
    void aTokenUsedFromAnOriginItDoesNotAllowIsRefusedAndTheSocketClosed() {
        String token = issuer.issue(
                "visitor-1", "acme", Set.of("support"), Set.of("https://acme.example"), Duration.ofMinutes(5));
        ProtocolTestClient browser = connect(Optional.of("https://evil.example"));

        browser.send("authenticate", "auth", m -> m.put("token", token));

        assertThat(browser.next("error").get("code").asText()).isEqualTo("forbidden-origin");
        assertThat(browser.awaitClosed()).isEqualTo(1008);
    }

    @Test
    void aCallBeforeAuthenticatingIsRefused() {
        ProtocolTestClient browser = connect();

        browser.send("call", "early", m -> m.put("destination", "support").put("media", "audio"));

        assertThat(browser.next("error").get("code").asText()).isEqualTo("not-authenticated");
        browser.send("authenticate", "auth", m -> m.put("token", "eyJhbGciOiJIUzI1NiJ9.e30.forged-signature"));
        assertThat(browser.next("error").get("code").asText()).isEqualTo("invalid-token");
        assertThat(callLayer.received()).isEmpty();
    }
}
