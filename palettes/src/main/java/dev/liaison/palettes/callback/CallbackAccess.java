package dev.liaison.palettes.callback;

import dev.liaison.palettes.routing.TaskRepository;
import dev.liaison.palettes.security.AgentAccess;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers "is the caller's own agent dialing this callback?" for reporting an attempt's outcome. */
@Component("callbackAccess")
class CallbackAccess {

    /** ADMIN, or the AGENT whose linked agent holds the attempt task of the callback named by {@code id}. */
    static final String OWN_ATTEMPT =
            "hasRole('ADMIN') or (hasRole('AGENT') and @callbackAccess.isDialedByOwnAgent(#id))";

    private final CallbackRepository callbacks;
    private final TaskRepository tasks;
    private final AgentAccess agents;

    CallbackAccess(CallbackRepository callbacks, TaskRepository tasks, AgentAccess agents) {
        this.callbacks = callbacks;
        this.tasks = tasks;
        this.agents = agents;
    }

    @Transactional(readOnly = true)
    public boolean isDialedByOwnAgent(UUID callbackId) {
        return callbackId != null
                && callbacks
                        .findById(callbackId)
                        .map(Callback::getTaskId)
                        .flatMap(tasks::findById)
                        .map(task -> task.getAgentId())
                        .filter(agents::isOwnAgent)
                        .isPresent();
    }
}
