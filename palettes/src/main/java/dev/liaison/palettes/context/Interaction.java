package dev.liaison.palettes.context;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One customer interaction under its correlation ID; the row writers lock before they change its context. */
@Entity
@Table(name = "interaction")
class Interaction {

    @Id
    @Column(name = "correlation_id", nullable = false, updatable = false)
    private UUID correlationId;

    @Column(name = "identity_key", length = 330)
    private String identityKey;

    @Convert(converter = WireNameConverter.ChannelConverter.class)
    @Column(name = "first_channel", nullable = false, length = 16, updatable = false)
    private Channel firstChannel;

    @Convert(converter = WireNameConverter.ChannelConverter.class)
    @Column(name = "last_channel", nullable = false, length = 16)
    private Channel lastChannel;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "context_bytes", nullable = false)
    private int contextBytes;

    @Version
    @Column(nullable = false)
    private Long version;

    protected Interaction() {}

    Interaction(UUID correlationId, String identityKey, Channel channel, Instant now, int emptyContextBytes) {
        this.correlationId = correlationId;
        this.identityKey = identityKey;
        this.firstChannel = channel;
        this.lastChannel = channel;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.contextBytes = emptyContextBytes;
    }

    /** Records activity: a resume on some channel or a context write. Time never moves backwards here. */
    void seen(Instant now) {
        if (now.isAfter(lastSeenAt)) {
            lastSeenAt = now;
        }
    }

    void resumedOn(Channel channel, Instant now) {
        lastChannel = channel;
        seen(now);
    }

    void bindIdentity(String normalizedIdentityKey) {
        this.identityKey = normalizedIdentityKey;
    }

    void contextBytes(int bytes) {
        this.contextBytes = bytes;
    }

    UUID correlationId() {
        return correlationId;
    }

    String identityKey() {
        return identityKey;
    }

    Channel firstChannel() {
        return firstChannel;
    }

    Channel lastChannel() {
        return lastChannel;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }

    int contextBytes() {
        return contextBytes;
    }
}
