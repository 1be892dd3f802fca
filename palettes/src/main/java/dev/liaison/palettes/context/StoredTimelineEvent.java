package dev.liaison.palettes.context;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A timeline row. Never updated once written. */
@Entity
@Immutable
@Table(name = "timeline_event")
class StoredTimelineEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String type;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(nullable = false, length = 500)
    private String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> details;

    protected StoredTimelineEvent() {}

    StoredTimelineEvent(
            UUID correlationId,
            Instant occurredAt,
            String type,
            String actor,
            String summary,
            Map<String, Object> details) {
        this.correlationId = correlationId;
        this.occurredAt = occurredAt;
        this.type = type;
        this.actor = actor;
        this.summary = summary;
        this.details = details;
    }

    TimelineEvent toEvent() {
        return new TimelineEvent(id, correlationId, occurredAt, type, actor, summary, details);
    }
}
