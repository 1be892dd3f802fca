package dev.liaison.palettes.routing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A task as the REST API shows it. */
public record TaskView(
        UUID id,
        UUID correlationId,
        String channel,
        TaskStatus status,
        int priority,
        UUID queueId,
        UUID workflowId,
        String filter,
        int targetIndex,
        Instant targetDeadline,
        UUID agentId,
        Instant createdAt,
        Instant assignedAt,
        Instant wrapUpUntil,
        Instant endedAt,
        String endReason,
        Map<String, Object> attributes) {

    public static TaskView of(Task task) {
        return new TaskView(
                task.getId(),
                task.getCorrelationId(),
                task.getChannel(),
                task.getStatus(),
                task.getPriority(),
                task.getQueueId(),
                task.getWorkflowId(),
                task.getFilterName(),
                task.getTargetIndex(),
                task.getTargetDeadline(),
                task.getAgentId(),
                task.getCreatedAt(),
                task.getAssignedAt(),
                task.getWrapUpUntil(),
                task.getEndedAt(),
                task.getEndReason(),
                task.getAttributes());
    }
}
