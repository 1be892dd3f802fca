package dev.liaison.palettes.callback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * A customer asks to be called back. Checked by {@link CallbackRequestValidator}, which names the field at fault.
 *
 * @param correlationId the customer's interaction; must exist
 * @param queue the queue each attempt waits in; give this or {@code workflow}, or neither with {@code replacesTaskId}
 * @param workflow the workflow each attempt is routed through
 * @param when {@code now} (the default) or an ISO-8601 time with offset, in the future and within the horizon
 * @param target {@code in-app} (the default) or {@code phone}
 * @param phoneNumber E.164 ({@code +} and 8 to 15 digits); required for {@code phone}, the fallback for {@code in-app}
 * @param maxAttempts attempts before the callback fails; default 3
 * @param retryDelaySeconds wait between a failed attempt and the next; default 300, at least 30
 * @param replacesTaskId the customer's waiting task: with {@code now} it becomes the callback's first attempt in
 *     place (virtual hold); with a time it leaves the queue. The callback then uses its queue or workflow.
 * @param priority 0 (default) to 1000; with {@code replacesTaskId}, the task's priority
 */
@Schema(description = "A request to be called back, now (virtual hold) or at a chosen time")
public record CallbackRequest(
        UUID correlationId,
        String queue,
        String workflow,
        @Schema(example = "now") String when,
        @Schema(
                        example = "in-app",
                        allowableValues = {"in-app", "phone"})
                String target,
        @Schema(example = "+14155550100") String phoneNumber,
        Integer maxAttempts,
        Integer retryDelaySeconds,
        UUID replacesTaskId,
        Integer priority) {}
