package dev.liaison.routes.agentdesk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An agent desktop's client token, as the endpoint answers it.
 *
 * @param token the token for {@code authenticate} on {@code /ws/client}
 * @param subject {@code agent-<agent id>}
 * @param site always {@link AgentClientTokens#SITE}
 * @param expiresAt until when it can be used to authenticate (a session outlives it; a reattach needs a fresh one)
 */
@Schema(description = "A short-lived /ws/client token for an agent's desktop")
public record AgentClientToken(
        @Schema(description = "Client token (HS256 JWT) for authenticate on /ws/client") String token,
        @Schema(example = "agent-0b6c7f0e-3d1e-4a43-9a57-8c9d2f0a1b2c") String subject,
        @Schema(example = "_agents") String site,
        @Schema(description = "Until when the token can be used to authenticate") Instant expiresAt) {}
