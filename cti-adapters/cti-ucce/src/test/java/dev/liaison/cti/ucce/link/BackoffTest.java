package dev.liaison.cti.ucce.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDelayDoublesPerFailedAttemptUpToTheMaximum() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        assertThat(b.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.delay(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
