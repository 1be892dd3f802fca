package dev.liaison.palettes.routing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;

/**
 * A contact to route: give either a queue or a workflow.
 *
 * @param correlationId the interaction this contact belongs to
 * @param channel {@code voice}, {@code video}, {@code chat} or {@code callback}
 * @param queue name of the queue to wait in (without a workflow)
 * @param workflow name of the workflow that chooses queues and escalates
 * @param priority 0 (default) to 1000; higher is served first
 * @param attributes what target expressions see under {@code task.} (skill, language, vip, ...)
 */
@Schema(description = "A contact to route; give either queue or workflow")
public record NewTask(
        @NotNull UUID correlationId,
        @NotNull @Pattern(regexp = "voice|video|chat|callback") String channel,
        String queue,
        String workflow,
        @Min(0) @Max(1000) Integer priority,
        Map<String, Object> attributes) {}
