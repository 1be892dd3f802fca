package dev.liaison.palettes.callback;

import java.time.Instant;
import java.util.UUID;

/** A callback as the REST API shows it. */
public record CallbackView(
        UUID id,
        UUID correlationId,
        CallbackState state,
        String queue,
        String workflow,
        int priority,
        String target,
        String phoneNumber,
        boolean virtualHold,
        UUID replacedTaskId,
        Instant requestedAt,
        Instant scheduledFor,
        Instant nextAttemptAt,
        int attempts,
        int maxAttempts,
        long retryDelaySeconds,
        UUID taskId,
        String lastOutcome,
        Instant endedAt,
        String endReason) {

    public static CallbackView of(Callback callback) {
        return new CallbackView(
                callback.getId(),
                callback.getCorrelationId(),
                callback.getState(),
                callback.getQueueName(),
                callback.getWorkflowName(),
                callback.getPriority(),
                callback.getTarget().wireName(),
                callback.getPhoneNumber(),
                callback.isVirtualHold(),
                callback.getReplacedTaskId(),
                callback.getRequestedAt(),
                callback.getRequestedFor(),
                callback.getNextAttemptAt(),
                callback.getAttempts(),
                callback.getMaxAttempts(),
                callback.getRetryDelay().toSeconds(),
                callback.getTaskId(),
                callback.getLastOutcome() == null
                        ? null
                        : callback.getLastOutcome().wireName(),
                callback.getEndedAt(),
                callback.getEndReason());
    }
}
