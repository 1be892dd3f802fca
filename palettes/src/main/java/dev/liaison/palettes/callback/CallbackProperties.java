package dev.liaison.palettes.callback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Callback settings ({@code liaison.callback.*}). Checked at startup: a default outside its own limits stops the node.
 *
 * @param horizon how far ahead a customer may schedule a callback
 * @param defaultMaxAttempts attempts when the request names none
 * @param maxAttemptsLimit the most attempts a request may ask for
 * @param defaultRetryDelay time between a failed attempt and the next one when the request names none
 * @param minRetryDelay the shortest retry delay a request may ask for
 * @param maxRetryDelay the longest retry delay a request may ask for
 * @param dispatchRetry when queueing an attempt fails unexpectedly (database unavailable), the scheduler tries again
 *     after this long
 */
@Validated
@ConfigurationProperties("liaison.callback")
public record CallbackProperties(
        @DefaultValue("30d") @NotNull Duration horizon,
        @DefaultValue("3") @Min(1) @Max(100) int defaultMaxAttempts,
        @DefaultValue("10") @Min(1) @Max(100) int maxAttemptsLimit,
        @DefaultValue("5m") @NotNull Duration defaultRetryDelay,
        @DefaultValue("30s") @NotNull Duration minRetryDelay,
        @DefaultValue("24h") @NotNull Duration maxRetryDelay,
        @DefaultValue("30s") @NotNull Duration dispatchRetry) {

    public CallbackProperties {
        require(horizon != null && !horizon.isNegative() && !horizon.isZero(), "horizon must be positive");
        require(defaultMaxAttempts <= maxAttemptsLimit, "default-max-attempts must not exceed max-attempts-limit");
        require(minRetryDelay != null && minRetryDelay.toSeconds() >= 1, "min-retry-delay must be at least one second");
        require(
                maxRetryDelay != null && maxRetryDelay.compareTo(minRetryDelay) >= 0,
                "max-retry-delay must not be shorter than min-retry-delay");
        require(
                defaultRetryDelay != null
                        && defaultRetryDelay.compareTo(minRetryDelay) >= 0
                        && defaultRetryDelay.compareTo(maxRetryDelay) <= 0,
                "default-retry-delay must lie between min-retry-delay and max-retry-delay");
        require(
                dispatchRetry != null && !dispatchRetry.isNegative() && !dispatchRetry.isZero(),
                "dispatch-retry must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("liaison.callback: " + message);
        }
    }
}
