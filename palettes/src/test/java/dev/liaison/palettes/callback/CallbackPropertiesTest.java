package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A callback default outside its own limits stops the node at startup instead of surprising customers later. */
class CallbackPropertiesTest {

    @Test
    void aDefaultAttemptCountAboveTheLimitFailsFast() {
        assertThatThrownBy(() -> properties(11, 10, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default-max-attempts");
    }

    @Test
    void aDefaultRetryDelayBelowTheMinimumFailsFast() {
        assertThatThrownBy(() -> properties(3, 10, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default-retry-delay");
    }

    private static CallbackProperties properties(int attempts, int limit, Duration retryDelay) {
        return new CallbackProperties(
                Duration.ofDays(30),
                attempts,
                limit,
                retryDelay,
                Duration.ofSeconds(30),
                Duration.ofHours(24),
                Duration.ofSeconds(30));
    }
}
