package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test application allows two sessions per token. */
class TooManySessionsPerTokenIT extends ClientProtocolITSupport {

    @Test
    void aThirdSessionOnTheSameTokenIsRefused() {
        String token = token();
        ProtocolTestClient first = connect();
        ProtocolTestClient second = connect();
        ProtocolTestClient third = connect();
        first.authenticateAndStart(token, Optional.empty());
        second.authenticateAndStart(token, Optional.empty());

        third.send("authenticate", "auth", m -> m.put("token", token));
        third.next("authenticated");
        third.send("start-session", "start", m -> {});

        assertThat(third.next("error").get("code").asText()).isEqualTo("too-many-sessions");
        assertThat(registry.sessionCount()).isEqualTo(2);
        first.endSession();
        third.send("start-session", "again", m -> {});
        assertThat(third.next("session").get("resumed").asBoolean()).isFalse();
        second.endSession();
        third.endSession();
    }
}
