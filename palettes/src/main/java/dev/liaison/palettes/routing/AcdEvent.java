package dev.liaison.palettes.routing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What the ACD tells the rest of the product (agent desktops, the Camel routes, statistics). Published inside the
 * transaction that made the change; listeners use {@code @TransactionalEventListener} to see only committed changes.
 */
public sealed interface AcdEvent {

    UUID taskId();

    /** A task entered a queue. */
    record TaskQueued(UUID taskId, UUID correlationId, String queue, String channel, int priority, Instant at)
            implements AcdEvent {}

    /** A task was offered to an agent: the agent's desktop rings and shows the screen pop. */
    record TaskOffered(
            UUID reservationId,
            UUID taskId,
            UUID correlationId,
            UUID agentId,
            String agentLogin,
            String queue,
            String channel,
            Map<String, Object> taskAttributes,
            Instant expiresAt,
            Map<String, Object> explanation)
            implements AcdEvent {}

    /** An offer ended without being accepted: rejected, expired, or withdrawn because the task went away. */
    record OfferWithdrawn(UUID reservationId, UUID taskId, UUID agentId, String agentLogin, ReservationStatus outcome)
            implements AcdEvent {}

    /** The agent accepted: gateway and media connect the customer to them now. */
    record TaskAssigned(UUID taskId, UUID correlationId, UUID agentId, String agentLogin, String channel, Instant at)
            implements AcdEvent {}

    /**
     * The conversation of an assigned task is over (the agent, the system or the end of the call ended it): the task
     * is now in wrap-up, or completed when its queue has no wrap-up time ({@link TaskEnded} follows). Whatever carries
     * the conversation (a call) ends now.
     */
    record ConversationEnded(UUID taskId, UUID correlationId, UUID agentId, String agentLogin, String actor, Instant at)
            implements AcdEvent {}

    /** A task left the ACD: completed (with the agent who handled it), or canceled while waiting (no agent). */
    record TaskEnded(UUID taskId, UUID correlationId, String agentLogin, TaskStatus status, String reason, Instant at)
            implements AcdEvent {}
}
