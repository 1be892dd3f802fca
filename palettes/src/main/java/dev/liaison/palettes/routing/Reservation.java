package dev.liaison.palettes.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An offer of a task to an agent, with the explanation of why this agent. */
@Entity
@Table(name = "reservation")
public class Reservation {

    @Id
    private UUID id;

    @Column(name = "task_id", nullable = false)
    private UUID taskId;

    @Column(name = "agent_id", nullable = false)
    private UUID agentId;

    @Column(name = "queue_id", nullable = false)
    private UUID queueId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReservationStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> explanation = new HashMap<>();

    protected Reservation() {}

    public Reservation(
            UUID id,
            UUID taskId,
            UUID agentId,
            UUID queueId,
            Instant createdAt,
            Instant expiresAt,
            Map<String, Object> explanation) {
        this.id = id;
        this.taskId = taskId;
        this.agentId = agentId;
        this.queueId = queueId;
        this.status = ReservationStatus.PENDING;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.explanation = new HashMap<>(explanation);
    }

    void decide(ReservationStatus outcome, Instant now) {
        status = outcome;
        decidedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTaskId() {
        return taskId;
    }

    public UUID getAgentId() {
        return agentId;
    }

    public UUID getQueueId() {
        return queueId;
    }

    public ReservationStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Map<String, Object> getExplanation() {
        return java.util.Collections.unmodifiableMap(explanation);
    }
}
