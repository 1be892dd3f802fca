package dev.liaison.cti.ucce.link;

import java.time.Duration;

/** Reconnect delays: the initial delay doubled per failed attempt, capped at the maximum. Deterministic. */
public record Backoff(Duration initial, Duration max) {

    public Duration delay(int failedAttempts) {
        if (failedAttempts <= 0) {
            return initial;
        }
        long millis = initial.toMillis();
        for (int i = 0; i < failedAttempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
