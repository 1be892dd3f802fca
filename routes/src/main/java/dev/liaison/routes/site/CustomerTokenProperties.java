package dev.liaison.routes.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the anonymous customer-token endpoint ({@code liaison.customer-tokens.*}). Checked at startup.
 *
 * @param requestsPerMinute token requests one remote address may make per minute, over all sites (1 to 10000);
 *     more get 429
 * @param trackedAddresses how many remote addresses the limiter remembers at once (100 to 1000000); when full, the
 *     oldest window is forgotten first
 */
@ConfigurationProperties("liaison.customer-tokens")
public record CustomerTokenProperties(
        @DefaultValue("30") int requestsPerMinute, @DefaultValue("100000") int trackedAddresses) {

    public CustomerTokenProperties {
        if (requestsPerMinute < 1 || requestsPerMinute > 10_000) {
            throw new IllegalArgumentException(
                    "liaison.customer-tokens.requests-per-minute must be 1 to 10000, got " + requestsPerMinute);
        }
        if (trackedAddresses < 100 || trackedAddresses > 1_000_000) {
            throw new IllegalArgumentException(
                    "liaison.customer-tokens.tracked-addresses must be 100 to 1000000, got " + trackedAddresses);
        }
    }
}
