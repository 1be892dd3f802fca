package dev.liaison.palettes.callback;

import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskRepository;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.web.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a callback while an attempt is in the ACD: an agent accepts it (IN_PROGRESS), the agent or the
 * gateway reports how the call went (COMPLETED, or RETRY_SCHEDULED / FAILED), or the task ends some other way.
 */
@Service
public class CallbackAttempts {

    private final CallbackService callbacks;
    private final CallbackRepository rows;
    private final TaskService tasks;
    private final TaskRepository taskRows;
    private final CallbackSchedule schedule;
    private final CallbackTimeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallbackAttempts(
            CallbackService callbacks,
            CallbackRepository rows,
            TaskService tasks,
            TaskRepository taskRows,
            CallbackSchedule schedule,
            CallbackTimeline timeline,
            ApplicationEventPublisher events,
            Clock clock) {
        this.callbacks = callbacks;
        this.rows = rows;
        this.tasks = tasks;
        this.taskRows = taskRows;
        this.schedule = schedule;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records how the attempt an agent is dialing went. {@code answered} completes the callback and the task goes on
     * as usual (end, wrap-up). Anything else ends the task (freeing the agent) and schedules the next attempt after
     * the retry delay, or fails the callback when no attempt is left.
     *
     * @param outcome {@code answered}, {@code no-answer}, {@code busy} or {@code failed}
     * @throws InvalidCallbackException {@code callback.outcome_invalid} for another outcome
     * @throws ConflictException {@code callback.not_in_progress} when no agent is dialing this callback
     */
    @Transactional
    public Callback report(UUID id, String outcome, String actor) {
        AttemptOutcome result = AttemptOutcome.fromWireName(outcome == null ? "" : outcome.strip())
                .orElseThrow(() -> new InvalidCallbackException(
                        "callback.outcome_invalid", "outcome", "must be answered, no-answer, busy or failed"));
        Callback callback = callbacks.lockWithTask(id);
        if (callback.getState() != CallbackState.IN_PROGRESS) {
            throw new ConflictException(
                    "callback.not_in_progress",
                    "callback " + id + " is " + callback.getState() + "; outcomes are reported while an agent dials");
        }
        Instant now = clock.instant();
        if (result.reached()) {
            callback.answered(now);
            timeline.completed(callback, actor);
            return callback;
        }
        if (callback.hasAttemptsLeft()) {
            Instant next = now.plus(callback.getRetryDelay());
            callback.retryAt(result, next);
            schedule.schedule(callback.getId(), callback.nextAttemptNumber(), next);
            timeline.attemptFailed(callback, result, actor);
        } else {
            callback.fail(result, "attempts-exhausted", now);
            timeline.attemptFailed(callback, result, actor);
            timeline.failed(callback, actor);
        }
        Task task = taskRows.findById(callback.getTaskId()).orElseThrow();
        if (task.getStatus() == TaskStatus.ASSIGNED) {
            tasks.end(task.getId(), actor);
        }
        return callback;
    }

    /** An agent accepted an attempt's task (the ACD holds the task's lock): the callback is being dialed. */
    @Transactional
    void taskAssigned(UUID taskId, String agentLogin) {
        for (Callback callback : rows.lockByTaskId(taskId)) {
            if (callback.getState() == CallbackState.QUEUED) {
                callback.dialing();
                timeline.dialing(callback, agentLogin);
                events.publishEvent(new CallbackDialing(
                        callback.getId(),
                        callback.getCorrelationId(),
                        taskId,
                        agentLogin,
                        callback.getTarget(),
                        callback.getPhoneNumber(),
                        callback.getAttempts()));
            }
        }
    }

    /**
     * An attempt's task left the ACD by another way than an outcome report: canceled while waiting (the callback is
     * canceled with it), or completed by the agent without reporting (the callback counts as completed).
     */
    @Transactional
    void taskEnded(UUID taskId, TaskStatus status, String reason) {
        Instant now = clock.instant();
        for (Callback callback : rows.lockByTaskId(taskId)) {
            if (status == TaskStatus.CANCELED && callback.getState() == CallbackState.QUEUED) {
                callback.cancel("task-canceled: " + reason, now);
                timeline.canceled(callback, "system");
            } else if (status == TaskStatus.COMPLETED && callback.getState() == CallbackState.IN_PROGRESS) {
                callback.completedWithoutReport(now);
                timeline.completed(callback, "system");
            }
        }
    }
}
