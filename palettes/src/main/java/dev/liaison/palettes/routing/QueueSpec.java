package dev.liaison.palettes.routing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A queue as an admin configures it.
 *
 * @param targetExpression which agents serve the queue, e.g. {@code skills HAS 'support'} (docs/routing-expressions.md)
 * @param reservationTimeoutSeconds how long an agent has to accept an offer (default 20)
 * @param wrapUpSeconds time for notes after a conversation before the agent is offered more (default 0)
 * @param serviceLevelSeconds answered within this counts towards the service level (default 20)
 */
@Schema(description = "A queue as an admin configures it")
public record QueueSpec(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,63}") String name,
        @Size(max = 500) String description,
        @NotBlank @Size(max = 4096) String targetExpression,
        @Min(5) @Max(600) Integer reservationTimeoutSeconds,
        @Min(0) @Max(3600) Integer wrapUpSeconds,
        @Min(1) @Max(3600) Integer serviceLevelSeconds) {}
