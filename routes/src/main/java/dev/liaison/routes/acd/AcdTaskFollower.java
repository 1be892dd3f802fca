package dev.liaison.routes.acd;

import dev.liaison.palettes.routing.AcdEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hangs up the call of a task whose conversation ended on the ACD's side: the agent (or an admin) ended the task,
 * canceled it while it waited, or its max wait passed ({@code no-answer} for the caller then, {@code normal}
 * otherwise). A call that ended first is forgotten already, so nothing is sent twice.
 */
@Component
class AcdTaskFollower {

    private static final Logger log = LoggerFactory.getLogger(AcdTaskFollower.class);

    /** The cancel reason of a call whose max wait passed. */
    static final String MAX_WAIT = "max-wait";

    private final AcdCalls calls;
    private final GatewayCalls gateway;

    AcdTaskFollower(AcdCalls calls, GatewayCalls gateway) {
        this.calls = calls;
        this.gateway = gateway;
    }

    void conversationEnded(AcdEvent.ConversationEnded over) {
        hangUp(over.taskId(), "normal", "conversation ended by " + over.actor());
    }

    void taskEnded(AcdEvent.TaskEnded ended) {
        hangUp(ended.taskId(), MAX_WAIT.equals(ended.reason()) ? "no-answer" : "normal", "task " + ended.status());
    }

    private void hangUp(java.util.UUID taskId, String reason, String why) {
        calls.byTask(taskId).ifPresent(call -> {
            if (call.end() == AcdCall.State.ENDED) {
                return;
            }
            calls.remove(call);
            log.info("Task {}: {}; hanging up call {} ({})", taskId, why, call.callId, reason);
            gateway.hangUp(call.callId, reason);
        });
    }
}
