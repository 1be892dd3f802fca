package dev.liaison.gateway.client.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The verified claims of a consumer token.
 *
 * @param tokenId the token's unique id ({@code jti}); live sessions are counted per token id
 * @param subject who the customer is for the site ({@code sub}): a visitor id or login
 * @param site the customer site (tenant) that asked for the token ({@code site})
 * @param allowedDestinations the destinations the bearer may call ({@code destinations}); exact names, nothing else is
 *     reachable
 * @param allowedOrigins the web origins the token may be used from ({@code origins}); empty means any origin and no
 *     origin (native apps)
 * @param expiresAt when the token stops being accepted for new authentications ({@code exp})
 */
public record ClientToken(
        String tokenId,
        String subject,
        String site,
        Set<String> allowedDestinations,
        Set<String> allowedOrigins,
        Instant expiresAt) {

    public ClientToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(site, "site");
        allowedDestinations = Set.copyOf(allowedDestinations);
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the bearer may call this destination: exact match against the allow-list, no patterns. */
    public boolean allowsDestination(String destination) {
        return allowedDestinations.contains(destination);
    }

    /** Whether a WebSocket opened from this origin ({@code Origin} header, absent for native apps) may use the token. */
    public boolean allowsOrigin(Optional<String> origin) {
        return allowedOrigins.isEmpty() || origin.map(allowedOrigins::contains).orElse(false);
    }
}
