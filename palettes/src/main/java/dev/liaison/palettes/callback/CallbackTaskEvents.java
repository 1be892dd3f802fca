package dev.liaison.palettes.callback;

import dev.liaison.palettes.routing.AcdEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the ACD's events for callback attempts, inside the ACD's transaction, so the callback's state changes
 * exactly when its task's does.
 */
@Component
class CallbackTaskEvents {

    private final CallbackAttempts attempts;

    CallbackTaskEvents(CallbackAttempts attempts) {
        this.attempts = attempts;
    }

    @EventListener
    void taskAssigned(AcdEvent.TaskAssigned event) {
        if (AttemptQueue.CHANNEL.equals(event.channel())) {
            attempts.taskAssigned(event.taskId(), event.agentLogin());
        }
    }

    @EventListener
    void taskEnded(AcdEvent.TaskEnded event) {
        attempts.taskEnded(event.taskId(), event.status(), event.reason());
    }
}
