package dev.liaison.palettes.callback;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The durable times at which callback attempts are queued: one db-scheduler one-time execution per attempt, in the
 * {@code scheduled_tasks} table, with instance id {@code <callbackId>#<attempt>}. Calls join the caller's
 * transaction (the starter wraps the DataSource transaction-aware), so an execution exists exactly when the state
 * change that needs it commits.
 */
@Component
class CallbackSchedule {

    /** db-scheduler task name of callback attempts; stored in {@code scheduled_tasks.task_name}. */
    static final String ATTEMPT = "callback-attempt";

    private static final Logger log = LoggerFactory.getLogger(CallbackSchedule.class);
    private static final TaskDescriptor<Void> DESCRIPTOR = TaskDescriptor.of(ATTEMPT);

    private final SchedulerClient scheduler;

    CallbackSchedule(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    /** Queues attempt {@code attempt} of the callback at {@code at}. */
    void schedule(UUID callbackId, int attempt, Instant at) {
        scheduler.scheduleIfNotExists(
                DESCRIPTOR.instance(instanceId(callbackId, attempt)).scheduledTo(at));
    }

    /**
     * Removes the pending execution of attempt {@code attempt}. One that is running right now is left alone: it waits
     * for the caller's row lock and then finds the callback no longer waiting, so it does nothing.
     */
    void unschedule(UUID callbackId, int attempt) {
        String instance = instanceId(callbackId, attempt);
        try {
            scheduler.cancel(TaskInstanceId.of(ATTEMPT, instance));
        } catch (TaskInstanceNotFoundException e) {
            log.debug("No pending execution {} to remove", instance);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            log.debug("Execution {} is running; it will find the callback no longer waiting", instance);
        }
    }

    static String instanceId(UUID callbackId, int attempt) {
        return callbackId + "#" + attempt;
    }

    /** The callback and attempt an instance id names. */
    static Due parse(String instanceId) {
        int hash = instanceId.lastIndexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("not a callback attempt instance id: " + instanceId);
        }
        return new Due(
                UUID.fromString(instanceId.substring(0, hash)), Integer.parseInt(instanceId.substring(hash + 1)));
    }

    /** One attempt of one callback. */
    record Due(UUID callbackId, int attempt) {}
}
