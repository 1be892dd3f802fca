package dev.liaison.routes.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liaison.palettes.context.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an agent's desktop receives with an offer: the task, why it came to them, and the screen pop.
 *
 * @param context the interaction's merged context (identity, device, location, pages, IVR answers, custom)
 * @param timeline what happened to the interaction so far, earlier contacts included, oldest first
 * @param explanation why this agent: queue, filter, target, expression, wait, agents passed over
 */
public record AgentOffer(
        UUID reservationId,
        UUID taskId,
        UUID correlationId,
        String agent,
        String queue,
        String channel,
        Instant expiresAt,
        Map<String, Object> taskAttributes,
        Map<String, Object> explanation,
        ObjectNode context,
        List<TimelineEvent> timeline) {}
