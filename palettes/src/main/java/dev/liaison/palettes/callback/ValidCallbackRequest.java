package dev.liaison.palettes.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A checked callback request with its defaults applied.
 *
 * @param at when the first attempt is queued; null for now
 * @param queue null when a workflow is used, or until taken from the replaced task
 * @param workflow null when a queue is used, or until taken from the replaced task
 */
record ValidCallbackRequest(
        UUID correlationId,
        String queue,
        String workflow,
        Instant at,
        CallbackTarget target,
        String phoneNumber,
        int maxAttempts,
        Duration retryDelay,
        UUID replacesTaskId,
        int priority) {

    /** The customer's waiting task becomes the first attempt in place. */
    boolean virtualHold() {
        return at == null && replacesTaskId != null;
    }

    /** The same request, waiting where the replaced task waited. */
    ValidCallbackRequest inPlaceOf(String taskQueue, String taskWorkflow, int taskPriority) {
        return new ValidCallbackRequest(
                correlationId,
                taskWorkflow == null ? taskQueue : null,
                taskWorkflow,
                at,
                target,
                phoneNumber,
                maxAttempts,
                retryDelay,
                replacesTaskId,
                taskPriority);
    }
}
