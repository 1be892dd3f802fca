package dev.liaison.palettes.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live dashboard feed's settings ({@code liaison.dashboard.*}). Checked at startup: a bad value stops the
 * application with the key at fault.
 *
 * @param maxStreams statistics streams ({@code GET /api/v1/statistics/stream}) open at once on this node, 1 to 1000;
 *     one more is refused with 503 {@code statistics.too_many_streams}
 * @param interval how often every stream gets the statistics when nothing changed, 200 ms to 60 s
 * @param streamTimeout how long one stream stays open before the server ends it (a browser's EventSource reconnects by
 *     itself), 1 s to 24 h
 */
@ConfigurationProperties("liaison.dashboard")
public record DashboardProperties(
        @DefaultValue("20") int maxStreams,
        @DefaultValue("2s") Duration interval,
        @DefaultValue("30m") Duration streamTimeout) {

    public DashboardProperties {
        if (maxStreams < 1 || maxStreams > 1000) {
            throw new IllegalArgumentException("liaison.dashboard.max-streams must be 1 to 1000, got " + maxStreams);
        }
        if (interval == null
                || interval.compareTo(Duration.ofMillis(200)) < 0
                || interval.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("liaison.dashboard.interval must be 200ms to 60s, got " + interval);
        }
        if (streamTimeout == null
                || streamTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || streamTimeout.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException(
                    "liaison.dashboard.stream-timeout must be 1s to 24h, got " + streamTimeout);
        }
    }
}
