package dev.liaison.routes.agentdesk;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Gives an agent's desktop its {@code /ws/client} token, so it can take calls and chats with the SDK. */
@RestController
@Tag(name = "Agents", description = "Agents, their skills and capacity, their state, their offers")
class AgentClientTokenController {

    private final AgentClientTokens tokens;

    AgentClientTokenController(AgentClientTokens tokens) {
        this.tokens = tokens;
    }

    @PreAuthorize(Access.AS_AGENT)
    @PostMapping(value = "/api/v1/agents/{id}/client-token", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A short-lived /ws/client token for the agent's desktop",
            description = "ADMIN, or the AGENT user linked to the agent. The token's subject is agent-{id} and its"
                    + " site is _agents: calls and chats the ACD hands to this agent reach the session started with"
                    + " it. Ask again for a fresh token before it expires (liaison.agent-desk.token-ttl).",
            responses = {
                @ApiResponse(responseCode = "200", description = "The token"),
                @ApiResponse(
                        responseCode = "403",
                        description = "Not ADMIN and not the AGENT linked to this agent (auth.forbidden)",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "404",
                        description = "No such agent (agent.not_found)",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
            })
    ResponseEntity<AgentClientToken> issue(@Parameter(description = "The agent") @PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.issue(id));
    }
}
