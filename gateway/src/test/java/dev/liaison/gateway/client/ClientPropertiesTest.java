package dev.liaison.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientPropertiesTest {

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> ClientProperties.defaults(Optional.of("too-short-secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aMissingOrEmptySecretMeansGenerateOne() {
        assertThat(ClientProperties.defaults(Optional.of("")).tokenSecret()).isEmpty();
        assertThat(ClientProperties.defaults(Optional.empty()).tokenSecret()).isEmpty();
    }

    @Test
    void nonPositiveDetachTimeoutIsRefused() {
        assertThatThrownBy(() -> new ClientProperties(
                        Optional.empty(), "liaison", Duration.ZERO, Duration.ofSeconds(10), 65536, 20, 5, 256, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detach-timeout");
    }
}
