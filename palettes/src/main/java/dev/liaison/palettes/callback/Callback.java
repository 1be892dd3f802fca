package dev.liaison.palettes.callback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's request to be called back, with its attempts. Its state changes only through the methods below, each
 * of which checks {@link CallbackState#canMoveTo}; callers hold the row lock.
 */
@Entity
@Table(name = "callback")
public class Callback {

    @Id
    private UUID id;

    @Column(name = "correlation_id", nullable = false, updatable = false)
    private UUID correlationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CallbackState state;

    @Column(name = "queue_name", length = 64, updatable = false)
    private String queueName;

    @Column(name = "workflow_name", length = 64, updatable = false)
    private String workflowName;

    @Column(nullable = false, updatable = false)
    private int priority;

    @Column(nullable = false, length = 16, updatable = false)
    private String target;

    @Column(name = "phone_number", length = 16, updatable = false)
    private String phoneNumber;

    @Column(name = "virtual_hold", nullable = false, updatable = false)
    private boolean virtualHold;

    @Column(name = "replaced_task_id", updatable = false)
    private UUID replacedTaskId;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "requested_for", updatable = false)
    private Instant requestedFor;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false, updatable = false)
    private int maxAttempts;

    @Column(name = "retry_delay_seconds", nullable = false, updatable = false)
    private int retryDelaySeconds;

    @Column(name = "task_id")
    private UUID taskId;

    @Column(name = "last_outcome", length = 16)
    private String lastOutcome;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason", length = 100)
    private String endReason;

    @Version
    private long version;

    protected Callback() {}

    /** A new callback, SCHEDULED for its first attempt at {@code firstAttemptAt}. */
    Callback(UUID id, UUID correlationId, ValidCallbackRequest request, Instant now) {
        this.id = id;
        this.correlationId = correlationId;
        this.state = CallbackState.SCHEDULED;
        this.queueName = request.queue();
        this.workflowName = request.workflow();
        this.priority = request.priority();
        this.target = request.target().wireName();
        this.phoneNumber = request.phoneNumber();
        this.virtualHold = request.virtualHold();
        this.replacedTaskId = request.replacesTaskId();
        this.requestedAt = now;
        this.requestedFor = request.at();
        this.nextAttemptAt = request.at() == null ? now : request.at();
        this.attempts = 0;
        this.maxAttempts = request.maxAttempts();
        this.retryDelaySeconds = (int) request.retryDelay().toSeconds();
    }

    /** An attempt's task is in the ACD now. */
    void attemptQueued(UUID task) {
        moveTo(CallbackState.QUEUED);
        attempts++;
        taskId = task;
        nextAttemptAt = null;
    }

    /** An agent accepted the attempt's task and rings the customer. */
    void dialing() {
        moveTo(CallbackState.IN_PROGRESS);
    }

    /** The customer answered. */
    void answered(Instant now) {
        moveTo(CallbackState.COMPLETED);
        lastOutcome = AttemptOutcome.ANSWERED.wireName();
        end("answered", now);
    }

    /** The attempt's task ended without an outcome report: the agent handled it, so the callback is done. */
    void completedWithoutReport(Instant now) {
        moveTo(CallbackState.COMPLETED);
        end("task-completed", now);
    }

    /** The attempt did not reach the customer; the next one is queued at {@code retryAt}. */
    void retryAt(AttemptOutcome outcome, Instant retryAt) {
        moveTo(CallbackState.RETRY_SCHEDULED);
        lastOutcome = outcome.wireName();
        nextAttemptAt = retryAt;
    }

    /** No attempt is left, or the callback could not be queued. */
    void fail(AttemptOutcome outcome, String reason, Instant now) {
        moveTo(CallbackState.FAILED);
        if (outcome != null) {
            lastOutcome = outcome.wireName();
        }
        end(reason, now);
    }

    void cancel(String reason, Instant now) {
        moveTo(CallbackState.CANCELED);
        end(reason, now);
    }

    private void end(String reason, Instant now) {
        nextAttemptAt = null;
        endReason = reason;
        endedAt = now;
    }

    private void moveTo(CallbackState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalCallbackTransitionException(id, state, next);
        }
        state = next;
    }

    /** Whether another attempt may follow the current one. */
    boolean hasAttemptsLeft() {
        return attempts < maxAttempts;
    }

    /** The number of the attempt the scheduler queues next (1 for the first). */
    int nextAttemptNumber() {
        return attempts + 1;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCorrelationId() {
        return correlationId;
    }

    public CallbackState getState() {
        return state;
    }

    public String getQueueName() {
        return queueName;
    }

    public String getWorkflowName() {
        return workflowName;
    }

    public int getPriority() {
        return priority;
    }

    public CallbackTarget getTarget() {
        return CallbackTarget.fromWireName(target).orElseThrow();
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public boolean isVirtualHold() {
        return virtualHold;
    }

    public UUID getReplacedTaskId() {
        return replacedTaskId;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getRequestedFor() {
        return requestedFor;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public Duration getRetryDelay() {
        return Duration.ofSeconds(retryDelaySeconds);
    }

    public UUID getTaskId() {
        return taskId;
    }

    public AttemptOutcome getLastOutcome() {
        return lastOutcome == null
                ? null
                : AttemptOutcome.fromWireName(lastOutcome).orElseThrow();
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndReason() {
        return endReason;
    }
}
