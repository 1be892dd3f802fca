package dev.liaison.palettes.callback;

import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskQueueRepository;
import dev.liaison.palettes.routing.TaskRepository;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.routing.Workflow;
import dev.liaison.palettes.routing.WorkflowRepository;
import dev.liaison.palettes.web.ConflictException;
import dev.liaison.palettes.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks from request to cancel: creates them (scheduled, queued now, or in place of a waiting task), reads them,
 * and withdraws them. Attempt outcomes are {@link CallbackAttempts}; due times are {@link CallbackDispatcher}.
 *
 * <p>Locks are taken task first, then callback, then (through the timeline) interaction, like the ACD's own
 * task-then-agent order, so a cancel and an agent accepting the same attempt wait for each other instead of
 * deadlocking.
 */
@Service
public class CallbackService {

    private final CallbackRepository callbacks;
    private final CallbackRequestValidator validator;
    private final CorrelationService correlations;
    private final TaskService tasks;
    private final TaskRepository taskRows;
    private final TaskQueueRepository queues;
    private final WorkflowRepository workflows;
    private final AttemptQueue attempts;
    private final CallbackSchedule schedule;
    private final CallbackTimeline timeline;
    private final Clock clock;

    CallbackService(
            CallbackRepository callbacks,
            CallbackRequestValidator validator,
            CorrelationService correlations,
            TaskService tasks,
            TaskRepository taskRows,
            TaskQueueRepository queues,
            WorkflowRepository workflows,
            AttemptQueue attempts,
            CallbackSchedule schedule,
            CallbackTimeline timeline,
            Clock clock) {
        this.callbacks = callbacks;
        this.validator = validator;
        this.correlations = correlations;
        this.tasks = tasks;
        this.taskRows = taskRows;
        this.queues = queues;
        this.workflows = workflows;
        this.attempts = attempts;
        this.schedule = schedule;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Records a callback request. {@code now} queues the first attempt at once (in place of {@code replacesTaskId}
     * when given: virtual hold); a time schedules it durably (and takes {@code replacesTaskId} out of the queue).
     *
     * @throws InvalidCallbackException for a malformed request, an unknown correlation ID or a replaced task that is
     *     not the contact's
     * @throws ConflictException when the replaced task no longer waits or is a callback already
     */
    @Transactional
    public Callback request(CallbackRequest request, String actor) {
        // PostgreSQL keeps microseconds: stamp what will be stored, so returned and re-read values agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ValidCallbackRequest valid = validator.validate(request, now);
        if (correlations.find(valid.correlationId()).isEmpty()) {
            throw new InvalidCallbackException(
                    "callback.correlation_unknown", "correlationId", "names no interaction: " + valid.correlationId());
        }
        if (valid.replacesTaskId() == null) {
            Callback callback = callbacks.save(new Callback(UUID.randomUUID(), valid.correlationId(), valid, now));
            timeline.requested(callback, actor);
            if (valid.at() == null) {
                attempts.queueNext(callback, actor);
            } else {
                schedule.schedule(callback.getId(), callback.nextAttemptNumber(), valid.at());
            }
            return callback;
        }
        return replacing(valid, actor, now);
    }

    private Callback replacing(ValidCallbackRequest valid, String actor, Instant now) {
        Task waiting = replacedTask(valid);
        if (valid.virtualHold()) {
            // the task keeps id, created_at and priority, so the callback keeps the customer's place
            Callback callback = callbacks.save(
                    new Callback(UUID.randomUUID(), valid.correlationId(), inPlaceOf(valid, waiting), now));
            timeline.requested(callback, actor);
            Task converted = tasks.convertToCallback(
                    waiting.getId(), AttemptQueue.taskAttributes(callback, callback.nextAttemptNumber()), actor);
            callback.attemptQueued(converted.getId());
            timeline.queued(callback, actor);
            return callback;
        }
        tasks.cancel(waiting.getId(), "callback-scheduled", actor);
        Callback callback =
                callbacks.save(new Callback(UUID.randomUUID(), valid.correlationId(), inPlaceOf(valid, waiting), now));
        timeline.requested(callback, actor);
        schedule.schedule(callback.getId(), callback.nextAttemptNumber(), valid.at());
        return callback;
    }

    private Task replacedTask(ValidCallbackRequest valid) {
        // locked first (the lock order) and read fresh: it may be being offered right now
        Task task = taskRows.lockById(valid.replacesTaskId())
                .filter(found -> found.getCorrelationId().equals(valid.correlationId()))
                .orElseThrow(() -> new InvalidCallbackException(
                        "callback.replaced_task_unknown",
                        "replacesTaskId",
                        "names no task of this contact: " + valid.replacesTaskId()));
        if (AttemptQueue.CHANNEL.equals(task.getChannel())) {
            throw new ConflictException(
                    "callback.already_requested", "task " + task.getId() + " is a callback attempt already");
        }
        if (!task.getStatus().waiting()) {
            throw new ConflictException(
                    "callback.replaced_task_not_waiting",
                    "task " + task.getId() + " is " + task.getStatus() + "; only a waiting task can be replaced");
        }
        return task;
    }

    private ValidCallbackRequest inPlaceOf(ValidCallbackRequest valid, Task task) {
        String workflow = task.getWorkflowId() == null
                ? null
                : workflows
                        .findById(task.getWorkflowId())
                        .map(Workflow::getName)
                        .orElseThrow();
        String queue = workflow != null
                ? null
                : queues.findById(task.getQueueId()).orElseThrow().getName();
        return valid.inPlaceOf(queue, workflow, task.getPriority());
    }

    @Transactional(readOnly = true)
    public Callback get(UUID id) {
        return callbacks.findById(id).orElseThrow(() -> new NotFoundException("callback", id));
    }

    /** The contact's callbacks, oldest request first. */
    @Transactional(readOnly = true)
    public List<Callback> forContact(UUID correlationId) {
        return callbacks.findByCorrelationIdOrderByRequestedAtAscIdAsc(correlationId);
    }

    /**
     * Withdraws a callback before it completes: its pending scheduler execution is removed, a waiting attempt task
     * leaves the queue, and an attempt an agent is dialing ends (the agent is freed).
     *
     * @throws ConflictException {@code callback.not_cancelable} when it completed, failed or was canceled already
     */
    @Transactional
    public Callback cancel(UUID id, String reason, String actor) {
        Callback callback = lockWithTask(id);
        CallbackState before = callback.getState();
        if (before.ended()) {
            throw new ConflictException(
                    "callback.not_cancelable", "callback " + id + " is " + before + " and can no longer be canceled");
        }
        Instant now = clock.instant();
        callback.cancel(reason == null || reason.isBlank() ? "canceled" : reason, now);
        if (before.awaitsAttempt()) {
            schedule.unschedule(id, callback.nextAttemptNumber());
        } else {
            Task task = taskRows.findById(callback.getTaskId()).orElseThrow();
            if (task.getStatus().waiting()) {
                tasks.cancel(task.getId(), "callback-canceled", actor);
            } else if (task.getStatus() == TaskStatus.ASSIGNED) {
                tasks.end(task.getId(), actor);
            }
        }
        timeline.canceled(callback, actor);
        return callback;
    }

    /**
     * Locks the callback's current task (if any), then the callback: the ACD's lock order. Both are read fresh under
     * their locks.
     */
    Callback lockWithTask(UUID id) {
        CallbackRepository.Ref seen = callbacks.refOf(id).orElseThrow(() -> new NotFoundException("callback", id));
        if (seen.getTaskId() != null) {
            taskRows.lockById(seen.getTaskId());
        }
        Callback locked = callbacks.lockById(id).orElseThrow(() -> new NotFoundException("callback", id));
        if (locked.getTaskId() != null && !locked.getTaskId().equals(seen.getTaskId())) {
            // an attempt was queued in between; its task is new and nobody else can hold it yet
            taskRows.lockById(locked.getTaskId());
        }
        return locked;
    }
}
