package dev.liaison.palettes.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One contact (chat, voice, video or callback) waiting for, offered to, or handled by an agent. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    private UUID id;

    @Column(name = "correlation_id", nullable = false)
    private UUID correlationId;

    @Column(nullable = false, length = 16)
    private String channel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> attributes = new HashMap<>();

    @Column(nullable = false)
    private int priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TaskStatus status;

    @Column(name = "workflow_id")
    private UUID workflowId;

    @Column(name = "queue_id", nullable = false)
    private UUID queueId;

    @Column(name = "filter_name", length = 64)
    private String filterName;

    @Column(name = "target_index", nullable = false)
    private int targetIndex;

    @Column(name = "target_since", nullable = false)
    private Instant targetSince;

    @Column(name = "target_deadline")
    private Instant targetDeadline;

    @Column(name = "agent_id")
    private UUID agentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "wrap_up_until")
    private Instant wrapUpUntil;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason", length = 100)
    private String endReason;

    @Version
    private long version;

    protected Task() {}

    public Task(
            UUID id,
            UUID correlationId,
            String channel,
            Map<String, Object> attributes,
            int priority,
            UUID workflowId,
            UUID queueId,
            String filterName,
            Instant now) {
        this.id = id;
        this.correlationId = correlationId;
        this.channel = channel;
        this.attributes = new HashMap<>(attributes);
        this.priority = priority;
        this.status = TaskStatus.PENDING;
        this.workflowId = workflowId;
        this.queueId = queueId;
        this.filterName = filterName;
        this.targetIndex = 0;
        this.targetSince = now;
        this.createdAt = now;
    }

    void reserve() {
        status = TaskStatus.RESERVED;
    }

    void returnToQueue() {
        status = TaskStatus.PENDING;
        agentId = null;
    }

    void assign(UUID agent, Instant now) {
        status = TaskStatus.ASSIGNED;
        agentId = agent;
        assignedAt = now;
    }

    void startWrapUp(Instant until) {
        status = TaskStatus.WRAPPING;
        wrapUpUntil = until;
    }

    void complete(String reason, Instant now) {
        status = TaskStatus.COMPLETED;
        wrapUpUntil = null;
        endReason = reason;
        endedAt = now;
    }

    void cancel(String reason, Instant now) {
        status = TaskStatus.CANCELED;
        agentId = null;
        endReason = reason;
        endedAt = now;
    }

    /**
     * Turns a waiting contact into a callback in place: same id, age and priority, so it keeps its place in the queue.
     * The attributes gain {@code callbackAttributes} (who to call back and how).
     */
    void becomeCallback(Map<String, Object> callbackAttributes) {
        channel = "callback";
        attributes.putAll(callbackAttributes);
    }

    /** Puts the task at a workflow target: its queue, and when it escalates from there (null: never). */
    void moveTo(UUID queue, int target, Instant now, Instant deadline) {
        queueId = queue;
        targetIndex = target;
        targetSince = now;
        targetDeadline = deadline;
    }

    void setFilterName(String filterName) {
        this.filterName = filterName;
    }

    void setPriority(int priority) {
        this.priority = priority;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCorrelationId() {
        return correlationId;
    }

    public String getChannel() {
        return channel;
    }

    public Map<String, Object> getAttributes() {
        return java.util.Collections.unmodifiableMap(attributes);
    }

    /** What target expressions see under {@code task.}: the attributes plus channel and priority. */
    public Map<String, Object> routingAttributes() {
        return routingAttributes(attributes, channel, priority);
    }

    /** What target expressions see under {@code task.} of a task given as plain values (the router reads them so). */
    static Map<String, Object> routingAttributes(Map<String, Object> attributes, String channel, int priority) {
        Map<String, Object> view = new HashMap<>(attributes);
        view.put("channel", channel);
        view.put("priority", priority);
        return view;
    }

    public int getPriority() {
        return priority;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public UUID getWorkflowId() {
        return workflowId;
    }

    public UUID getQueueId() {
        return queueId;
    }

    public String getFilterName() {
        return filterName;
    }

    public int getTargetIndex() {
        return targetIndex;
    }

    public Instant getTargetSince() {
        return targetSince;
    }

    public Instant getTargetDeadline() {
        return targetDeadline;
    }

    public UUID getAgentId() {
        return agentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getWrapUpUntil() {
        return wrapUpUntil;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndReason() {
        return endReason;
    }
}
