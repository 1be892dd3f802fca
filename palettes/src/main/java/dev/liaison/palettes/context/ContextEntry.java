package dev.liaison.palettes.context;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One stored context value: the latest value of a (category, key), or one page view of the page history. Records who
 * wrote it and when.
 */
@Entity
@Table(name = "context_entry")
class ContextEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "correlation_id", nullable = false, updatable = false)
    private UUID correlationId;

    @Convert(converter = WireNameConverter.CategoryConverter.class)
    @Column(nullable = false, length = 16, updatable = false)
    private ContextCategory category;

    @Column(name = "entry_key", nullable = false, length = 128, updatable = false)
    private String key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private JsonNode value;

    @Convert(converter = WireNameConverter.SourceConverter.class)
    @Column(nullable = false, length = 16)
    private ContextSource source;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(nullable = false)
    private boolean sensitive;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    protected ContextEntry() {}

    ContextEntry(
            UUID correlationId,
            ContextCategory category,
            String key,
            JsonNode value,
            ContextSource source,
            String actor,
            boolean sensitive,
            Instant writtenAt) {
        this.correlationId = correlationId;
        this.category = category;
        this.key = key;
        this.value = value;
        this.source = source;
        this.actor = actor;
        this.sensitive = sensitive;
        this.writtenAt = writtenAt;
    }

    /**
     * Replaces the value. Sensitivity is sticky: once a key has been written as sensitive it stays sensitive, so a
     * later careless write cannot leak it into the timeline.
     */
    void overwrite(JsonNode newValue, ContextSource newSource, String newActor, boolean newSensitive, Instant now) {
        this.value = newValue;
        this.source = newSource;
        this.actor = newActor;
        this.sensitive = this.sensitive || newSensitive;
        this.writtenAt = now;
    }

    Long id() {
        return id;
    }

    ContextCategory category() {
        return category;
    }

    String key() {
        return key;
    }

    JsonNode value() {
        return value;
    }

    ContextSource source() {
        return source;
    }

    String actor() {
        return actor;
    }

    boolean sensitive() {
        return sensitive;
    }

    Instant writtenAt() {
        return writtenAt;
    }
}
