package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AcdPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(AcdConfiguration.class);

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        runner.run(context -> {
            AcdProperties properties = context.getBean(AcdProperties.class);
            assertThat(properties.defaultCapacity()).containsEntry("chat", 3).containsEntry("voice", 1);
            assertThat(properties.routingInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.loopEnabled()).isTrue();
        });
    }

    @Test
    void configuredCapacityOverridesTheStandardOneChannelByChannel() {
        runner.withPropertyValues("liaison.acd.default-capacity.chat=5", "liaison.acd.batch-size=50")
                .run(context -> {
                    AcdProperties properties = context.getBean(AcdProperties.class);
                    assertThat(properties.defaultCapacity())
                            .containsEntry("chat", 5)
                            .containsEntry("voice", 1);
                    assertThat(properties.batchSize()).isEqualTo(50);
                });
    }
}
