package dev.liaison.palettes.callback;

import dev.liaison.palettes.routing.NewTask;
import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Puts the next attempt of a callback in the ACD as a task of channel {@code callback}. */
@Component
class AttemptQueue {

    /** The channel of every callback attempt's task. */
    static final String CHANNEL = "callback";

    private final TaskService tasks;
    private final CallbackTimeline timeline;

    AttemptQueue(TaskService tasks, CallbackTimeline timeline) {
        this.tasks = tasks;
        this.timeline = timeline;
    }

    /** Enqueues the next attempt and moves the (locked) callback to QUEUED. */
    Task queueNext(Callback callback, String actor) {
        Task task = tasks.enqueue(new NewTask(
                callback.getCorrelationId(),
                CHANNEL,
                callback.getQueueName(),
                callback.getWorkflowName(),
                callback.getPriority(),
                taskAttributes(callback, callback.nextAttemptNumber())));
        callback.attemptQueued(task.getId());
        timeline.queued(callback, actor);
        return task;
    }

    /**
     * What an attempt's task carries for the agent desktop and for target expressions ({@code task.callbackTarget}):
     * which callback, how to reach the customer, and which attempt this is.
     */
    static Map<String, Object> taskAttributes(Callback callback, int attempt) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("callbackId", callback.getId().toString());
        attributes.put("callbackTarget", callback.getTarget().wireName());
        if (callback.getPhoneNumber() != null) {
            attributes.put("callbackPhone", callback.getPhoneNumber());
        }
        attributes.put("callbackAttempt", attempt);
        return attributes;
    }
}
