package dev.liaison.routes.site;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A customer token as the endpoint answers it.
 *
 * @param token the consumer token for {@code authenticate} on {@code /ws/client}
 * @param subject the anonymous subject it was issued to; send it back to continue as the same visitor
 * @param site the site it is for
 * @param destinations what it may call
 * @param expiresAt until when it can be used to authenticate
 */
@Schema(description = "A short-lived consumer token for one anonymous visitor of a site")
record IssuedToken(
        @Schema(description = "Consumer token (HS256 JWT) for authenticate on /ws/client") String token,
        @Schema(description = "Anonymous subject the token was issued to", example = "anon-3q2-7wAAAAAAAAAAAAAAAA")
                String subject,
        @Schema(example = "acme") String site,
        @Schema(description = "Destinations the token may call") List<String> destinations,
        @Schema(description = "Until when the token can be used to authenticate") Instant expiresAt) {}
