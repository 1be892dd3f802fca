package dev.liaison.routes.acd;

import dev.liaison.palettes.context.TimelineService;
import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.web.ConflictException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Closes the task of an ACD call whatever state it is in, and writes the call's steps to the contact's timeline. */
@Component
class AcdTasks {

    private static final Logger log = LoggerFactory.getLogger(AcdTasks.class);

    /** A task changes state under us at most this often while we close it (an offer accepted meanwhile). */
    private static final int ATTEMPTS = 3;

    private final TaskService tasks;
    private final TimelineService timeline;

    AcdTasks(TaskService tasks, TimelineService timeline) {
        this.tasks = tasks;
        this.timeline = timeline;
    }

    /**
     * The call of this task is over: a waiting task is canceled with {@code reason}, an assigned one ends (goes to
     * wrap-up); a task in wrap-up or ended is left as it is.
     */
    void close(UUID taskId, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Task task = tasks.get(taskId);
            try {
                if (task.getStatus().waiting()) {
                    tasks.cancel(taskId, reason, AcdConstants.ACTOR);
                } else if (task.getStatus() == TaskStatus.ASSIGNED) {
                    tasks.end(taskId, AcdConstants.ACTOR);
                }
                return;
            } catch (ConflictException e) {
                log.info("Task {} changed while closing it ({}); looking again", taskId, e.code());
            }
        }
        log.warn("Task {} could not be closed after its call ended ({})", taskId, reason);
    }

    /** Cancels a waiting task; false when it no longer waits (an agent took it meanwhile). */
    boolean cancelWaiting(UUID taskId, String reason) {
        try {
            tasks.cancel(taskId, reason, AcdConstants.ACTOR);
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    /** One step of the call on the contact's timeline; a failure to write it is logged, never thrown. */
    void record(AcdCall call, String type, String summary, Map<String, Object> details) {
        try {
            timeline.append(call.correlationId, type, AcdConstants.ACTOR, summary, details);
        } catch (RuntimeException e) {
            log.warn("Timeline {} of call {} not written: {}", type, call.callId, e.getMessage());
        }
    }
}
