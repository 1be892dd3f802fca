package dev.liaison.gateway.call;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the media-quality reports ({@code liaison.gateway.calls.quality.*}). An invalid value stops the
 * application at start-up with a message naming the setting.
 *
 * @param reportInterval how often, while a call is answered, the broker's counters of its legs are read, sent to each
 *     client leg as a {@code quality} message with {@code source: "broker"} and recorded in the
 *     {@code liaison.gateway.calls.media.*} meters; 1 s to 10 min
 */
@ConfigurationProperties("liaison.gateway.calls.quality")
public record QualityProperties(@DefaultValue("5s") Duration reportInterval) {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofMinutes(10);

    public QualityProperties {
        if (reportInterval == null
                || reportInterval.compareTo(MIN_INTERVAL) < 0
                || reportInterval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException(
                    "liaison.gateway.calls.quality.report-interval must be 1s to 10m, got " + reportInterval);
        }
    }

    /** Every 5 seconds, for tests and for code that builds the gateway without Spring. */
    public static QualityProperties defaults() {
        return new QualityProperties(Duration.ofSeconds(5));
    }
}
