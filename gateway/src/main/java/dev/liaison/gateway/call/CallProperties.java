package dev.liaison.gateway.call;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the back-to-back user agent ({@code liaison.gateway.calls.*}). Invalid values stop the application at
 * start-up with a message naming the setting.
 *
 * @param maxCalls calls this node carries at once; a call beyond it is refused with 503 and a Retry-After
 * @param routingTimeout how long a call may wait for the routes to connect it (queue time included) before it ends
 *     with {@code routing-timeout}
 * @param answerTimeout how long the called side may ring before the call ends with {@code no-answer}
 * @param eventQueueSize events one call may have waiting; a peer that floods one call beyond it ends that call
 * @param allowedSipTargets regular expressions (whole-string match) of the SIP targets calls may be connected to;
 *     anything else is refused with {@code forbidden} (403), so no route and no customer can dial an arbitrary number
 *     through the trunk. Empty means no SIP target is allowed.
 */
@ConfigurationProperties("liaison.gateway.calls")
public record CallProperties(
        @DefaultValue("1000") int maxCalls,
        @DefaultValue("30m") Duration routingTimeout,
        @DefaultValue("60s") Duration answerTimeout,
        @DefaultValue("64") int eventQueueSize,
        List<String> allowedSipTargets) {

    public CallProperties {
        require(maxCalls > 0, "liaison.gateway.calls.max-calls must be positive, got " + maxCalls);
        require(isPositive(routingTimeout), "liaison.gateway.calls.routing-timeout must be positive");
        require(isPositive(answerTimeout), "liaison.gateway.calls.answer-timeout must be positive");
        require(
                eventQueueSize >= 8,
                "liaison.gateway.calls.event-queue-size must be at least 8, got " + eventQueueSize);
        allowedSipTargets = allowedSipTargets == null ? List.of() : List.copyOf(allowedSipTargets);
        for (String pattern : allowedSipTargets) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("liaison.gateway.calls.allowed-sip-targets: '" + pattern
                        + "' is not a regular expression: " + e.getDescription());
            }
        }
    }

    /** Defaults, for tests and for code that builds the gateway without Spring. */
    public static CallProperties defaults() {
        return new CallProperties(1000, Duration.ofMinutes(30), Duration.ofSeconds(60), 64, List.of());
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
