package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {ShortTimeouts.DETACH, ShortTimeouts.AUTHENTICATE})
class AuthenticateTimeoutIT extends ClientProtocolITSupport {

    @Test
    void aConnectionThatNeverAuthenticatesIsClosedAfterTheAuthenticateTimeout() {
        ProtocolTestClient idle = connect();

        idle.send("ping", "p", m -> {});
        assertThat(idle.next("pong").get("id").asText()).isEqualTo("p");

        assertThat(idle.next("error").get("code").asText()).isEqualTo("authentication-timeout");
        assertThat(idle.awaitClosed()).isEqualTo(1008);
    }
}
