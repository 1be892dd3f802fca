package dev.liaison.palettes.agent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person who takes contacts: their skills with proficiency, free-form attributes, capacity per channel, and their
 * state. The state changes only through {@link #apply}, which asks {@link AgentStateMachine}.
 */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String login;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> attributes = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Integer> capacity = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "agent_id"))
    @MapKeyColumn(name = "skill")
    @Column(name = "proficiency", nullable = false)
    private Map<String, Short> skills = new HashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AgentState state;

    @Column(name = "state_reason", length = 100)
    private String stateReason;

    @Column(name = "state_since", nullable = false)
    private Instant stateSince;

    @Column(name = "idle_since", nullable = false)
    private Instant idleSince;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Agent() {}

    public Agent(UUID id, String login, String displayName, Instant now) {
        this.id = id;
        this.login = login;
        this.displayName = displayName;
        this.state = AgentState.OFFLINE;
        this.stateSince = now;
        this.idleSince = now;
        this.lastSeenAt = now;
        this.createdAt = now;
    }

    /**
     * Applies an event: asks the state machine for the next state and records when it changed.
     *
     * @param reason the not-ready reason, used when the new state is NOT_READY
     * @return the state before the event
     */
    public AgentState apply(AgentEvent event, Workload after, String reason, Instant now) {
        AgentState before = state;
        AgentState next = AgentStateMachine.next(state, event, after);
        String nextReason = next == AgentState.NOT_READY ? (reason == null ? stateReason : reason) : null;
        if (next != before || !java.util.Objects.equals(nextReason, stateReason)) {
            stateSince = now;
        }
        if (next == AgentState.AVAILABLE && before != AgentState.AVAILABLE) {
            idleSince = now;
        }
        state = next;
        stateReason = nextReason;
        if (event != AgentEvent.PRESENCE_LOST && event != AgentEvent.OFFER_EXPIRED) {
            lastSeenAt = now;
        }
        return before;
    }

    /** A sign of life from the agent's desktop. */
    public void seen(Instant now) {
        lastSeenAt = now;
    }

    /** What target expressions read: the free-form attributes plus {@code skills} and {@code proficiency}. */
    public Map<String, Object> routingAttributes() {
        return routingAttributes(attributes, skills, login);
    }

    /**
     * What target expressions read of an agent given as plain values (the router reads agents without loading them):
     * the free-form attributes plus {@code skills} (sorted names), {@code proficiency} and {@code login}.
     */
    public static Map<String, Object> routingAttributes(
            Map<String, Object> attributes, Map<String, ? extends Number> skills, String login) {
        Map<String, Object> view = new LinkedHashMap<>(attributes);
        view.put("skills", List.copyOf(new java.util.TreeSet<>(skills.keySet())));
        Map<String, Object> proficiency = new LinkedHashMap<>();
        skills.forEach((skill, level) -> proficiency.put(skill, level.intValue()));
        view.put("proficiency", proficiency);
        view.put("login", login);
        return view;
    }

    /** Tasks the agent may hold at once on a channel; 0 when the channel is not configured. */
    public int capacityFor(String channel) {
        return capacity.getOrDefault(channel, 0);
    }

    public UUID getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Map<String, Object> getAttributes() {
        return java.util.Collections.unmodifiableMap(attributes);
    }

    public void setAttributes(Map<String, Object> attributes) {
        this.attributes = new HashMap<>(attributes);
    }

    public Map<String, Integer> getCapacity() {
        return java.util.Collections.unmodifiableMap(capacity);
    }

    public void setCapacity(Map<String, Integer> capacity) {
        this.capacity = new HashMap<>(capacity);
    }

    public Map<String, Integer> getSkills() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        skills.forEach((skill, level) -> copy.put(skill, level.intValue()));
        return copy;
    }

    public void setSkills(Map<String, Integer> skills) {
        this.skills.clear();
        skills.forEach((skill, level) -> this.skills.put(skill, level.shortValue()));
    }

    public AgentState getState() {
        return state;
    }

    public String getStateReason() {
        return stateReason;
    }

    public Instant getStateSince() {
        return stateSince;
    }

    public Instant getIdleSince() {
        return idleSince;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
