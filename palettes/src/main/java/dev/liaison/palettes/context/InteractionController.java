package dev.liaison.palettes.context;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Resolves customers to interactions and shows an interaction with its context. */
@RestController
@RequestMapping("/api/v1/interactions")
@Tag(name = "Interactions", description = "Correlation IDs: one per customer interaction across channels and devices")
class InteractionController {

    private final CorrelationService correlations;
    private final ContextService contexts;

    InteractionController(CorrelationService correlations, ContextService contexts) {
        this.correlations = correlations;
        this.contexts = contexts;
    }

    @PreAuthorize(Access.WORK)
    @PostMapping
    @Operation(
            summary = "Continue the customer's interaction or start a new one",
            description = "A known correlationId is continued; otherwise an identityKey active within the resume"
                    + " window continues its interaction; otherwise a new one starts. Unknown correlation IDs are"
                    + " never adopted.")
    @ApiResponse(responseCode = "201", description = "a new interaction started")
    @ApiResponse(responseCode = "200", description = "an existing interaction continues")
    @ApiResponse(
            responseCode = "400",
            description = "malformed body or identity key",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ResolveResponse> resolve(@Valid @RequestBody ResolveBody body) {
        Resolution resolution = correlations.resolve(
                new ResolveRequest(body.correlationId(), body.identityKey(), Channel.fromWireName(body.channel())));
        ResolveResponse response = ResolveResponse.of(resolution);
        if (resolution.created()) {
            return ResponseEntity.created(URI.create(
                            "/api/v1/interactions/" + resolution.interaction().correlationId()))
                    .body(response);
        }
        return ResponseEntity.ok(response);
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{correlationId}")
    @Operation(summary = "An interaction with its merged context")
    @ApiResponse(responseCode = "200", description = "the interaction")
    @ApiResponse(
            responseCode = "404",
            description = "no such interaction (code interaction.not_found)",
            content = @Content(mediaType = "application/problem+json"))
    InteractionResponse get(@PathVariable UUID correlationId) {
        InteractionSummary interaction = correlations.get(correlationId);
        return InteractionResponse.of(interaction, contexts.read(correlationId));
    }

    /** Body of {@code POST /api/v1/interactions}. */
    record ResolveBody(
            @Schema(description = "correlation ID the client holds; unknown ones are not adopted") UUID correlationId,
            @Schema(description = "customer:<id>, phone:<number> or email:<address>", example = "customer:42")
                    @Size(max = IdentityKeys.MAX_LENGTH)
                    String identityKey,
            @Schema(description = "channel the customer arrives on", example = "chat")
                    @NotNull
                    @Pattern(regexp = Channel.WIRE_PATTERN, message = "must be one of " + Channel.WIRE_PATTERN)
                    String channel) {}

    /** Answer of {@code POST /api/v1/interactions}. */
    record ResolveResponse(
            UUID correlationId,
            @Schema(allowableValues = {"created", "resumed"}) ResolveOutcome outcome,
            ResolveReason reason,
            String identityKey,
            Channel firstChannel,
            Channel lastChannel,
            Instant createdAt,
            Instant lastSeenAt) {

        static ResolveResponse of(Resolution resolution) {
            InteractionSummary i = resolution.interaction();
            return new ResolveResponse(
                    i.correlationId(),
                    resolution.outcome(),
                    resolution.reason(),
                    i.identityKey(),
                    i.firstChannel(),
                    i.lastChannel(),
                    i.createdAt(),
                    i.lastSeenAt());
        }
    }

    /** Answer of {@code GET /api/v1/interactions/{correlationId}}. */
    record InteractionResponse(
            UUID correlationId,
            String identityKey,
            Channel firstChannel,
            Channel lastChannel,
            Instant createdAt,
            Instant lastSeenAt,
            ContextView context) {

        static InteractionResponse of(InteractionSummary i, ContextView context) {
            return new InteractionResponse(
                    i.correlationId(),
                    i.identityKey(),
                    i.firstChannel(),
                    i.lastChannel(),
                    i.createdAt(),
                    i.lastSeenAt(),
                    context);
        }
    }
}
