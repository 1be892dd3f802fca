package dev.liaison.palettes.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Someone (or some system) who signs in to the HTTP API or a web UI. The password is kept only as a hash. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "agent_id", unique = true)
    private UUID agentId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected UserAccount() {}

    UserAccount(UUID id, String username, String passwordHash, Set<Role> roles, UUID agentId, Instant now) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.agentId = agentId;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public UUID getAgentId() {
        return agentId;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Changes with every update: sessions signed in under an older version are signed out. */
    public long getVersion() {
        return version;
    }

    void changePassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    void changeRoles(Set<Role> newRoles, UUID newAgentId, Instant now) {
        this.roles.clear();
        this.roles.addAll(newRoles);
        this.agentId = newAgentId;
        this.updatedAt = now;
    }

    void changeEnabled(boolean newEnabled, Instant now) {
        this.enabled = newEnabled;
        this.updatedAt = now;
    }
}
