package dev.liaison.palettes.routing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An offer as the REST API shows it, with the explanation of why this agent. */
public record ReservationView(
        UUID id,
        UUID taskId,
        UUID agentId,
        ReservationStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant decidedAt,
        Map<String, Object> explanation) {

    public static ReservationView of(Reservation reservation) {
        return new ReservationView(
                reservation.getId(),
                reservation.getTaskId(),
                reservation.getAgentId(),
                reservation.getStatus(),
                reservation.getCreatedAt(),
                reservation.getExpiresAt(),
                reservation.getDecidedAt(),
                reservation.getExplanation());
    }
}
