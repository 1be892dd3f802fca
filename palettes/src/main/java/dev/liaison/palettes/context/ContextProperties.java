package dev.liaison.palettes.context;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the context relay ({@code liaison.context.*}). A bad value stops the application at startup.
 *
 * @param resumeWindow how long after its last activity an interaction is still continued when the same identity comes
 *     back; older ones are left alone and a new interaction starts
 * @param maxContextBytes the most UTF-8 bytes the merged context of one interaction may take as compact JSON (Amazon
 *     Connect's contact attributes have the same 32 KB)
 * @param maxValueBytes the most UTF-8 bytes one value may take as compact JSON
 * @param maxKeyLength the longest key, in characters
 * @param maxKeys the most keys an interaction's context may hold over all categories, page views not counted
 * @param maxPages how many page views the page history keeps; older ones are dropped as new ones arrive
 */
@Validated
@ConfigurationProperties("liaison.context")
public record ContextProperties(
        @NotNull @DefaultValue("24h") Duration resumeWindow,
        @Min(1024) @Max(1_048_576) @DefaultValue("32768") int maxContextBytes,
        @Min(16) @Max(1_048_576) @DefaultValue("8192") int maxValueBytes,
        @Min(8) @Max(128) @DefaultValue("128") int maxKeyLength,
        @Min(1) @Max(10_000) @DefaultValue("256") int maxKeys,
        @Min(1) @Max(1_000) @DefaultValue("50") int maxPages) {

    public ContextProperties {
        if (resumeWindow != null && (resumeWindow.isNegative() || resumeWindow.isZero())) {
            throw new IllegalArgumentException("liaison.context.resume-window must be positive: " + resumeWindow);
        }
        if (maxValueBytes > maxContextBytes) {
            throw new IllegalArgumentException("liaison.context.max-value-bytes (" + maxValueBytes
                    + ") must not exceed liaison.context.max-context-bytes (" + maxContextBytes + ")");
        }
    }

    /** The defaults, for code and tests that run without Spring. */
    public static ContextProperties defaults() {
        return new ContextProperties(Duration.ofHours(24), 32_768, 8_192, 128, 256, 50);
    }
}
