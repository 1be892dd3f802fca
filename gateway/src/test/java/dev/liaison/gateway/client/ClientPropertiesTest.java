package dev.liaison.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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

    @Test
    void theApplicationDoesNotStartWithAShortSecret() {
        new ApplicationContextRunner()
                .withUserConfiguration(ClientGatewayConfiguration.class)
                .withPropertyValues("liaison.gateway.client.token-secret=only-sixteen-byt")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("token-secret must be at least 32 bytes"));
    }

    @Test
    void theClientServicesStartWithoutAWebServerOrCallLayer() {
        new ApplicationContextRunner()
                .withUserConfiguration(ClientGatewayConfiguration.class)
                .withPropertyValues("liaison.gateway.client.detach-timeout=45s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ClientProperties.class).detachTimeout())
                            .isEqualTo(Duration.ofSeconds(45));
                    assertThat(context).hasSingleBean(ClientSessions.class);
                });
    }
}
