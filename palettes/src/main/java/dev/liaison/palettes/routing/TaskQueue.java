package dev.liaison.palettes.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Where tasks wait: which agents serve it (a target expression), offer and wrap-up timing, service level. */
@Entity
@Table(name = "task_queue")
public class TaskQueue {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(name = "target_expression", nullable = false, length = 4096)
    private String targetExpression;

    @Column(name = "reservation_timeout_seconds", nullable = false)
    private int reservationTimeoutSeconds;

    @Column(name = "wrap_up_seconds", nullable = false)
    private int wrapUpSeconds;

    @Column(name = "service_level_seconds", nullable = false)
    private int serviceLevelSeconds;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected TaskQueue() {}

    public TaskQueue(UUID id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTargetExpression() {
        return targetExpression;
    }

    public void setTargetExpression(String targetExpression) {
        this.targetExpression = targetExpression;
    }

    public int getReservationTimeoutSeconds() {
        return reservationTimeoutSeconds;
    }

    public void setReservationTimeoutSeconds(int reservationTimeoutSeconds) {
        this.reservationTimeoutSeconds = reservationTimeoutSeconds;
    }

    public int getWrapUpSeconds() {
        return wrapUpSeconds;
    }

    public void setWrapUpSeconds(int wrapUpSeconds) {
        this.wrapUpSeconds = wrapUpSeconds;
    }

    public int getServiceLevelSeconds() {
        return serviceLevelSeconds;
    }

    public void setServiceLevelSeconds(int serviceLevelSeconds) {
        this.serviceLevelSeconds = serviceLevelSeconds;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
