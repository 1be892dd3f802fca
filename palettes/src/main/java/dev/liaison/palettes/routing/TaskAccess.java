package dev.liaison.palettes.routing;

import dev.liaison.palettes.security.AgentAccess;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers "does the caller's own agent hold this task?" for the task actions an agent takes (end, wrap-up). */
@Component("taskAccess")
class TaskAccess {

    /** ADMIN, or the AGENT whose linked agent holds the task named by the handler's {@code id} argument. */
    static final String OWN_TASK = "hasRole('ADMIN') or (hasRole('AGENT') and @taskAccess.isHeldByOwnAgent(#id))";

    private final TaskRepository tasks;
    private final AgentAccess agents;

    TaskAccess(TaskRepository tasks, AgentAccess agents) {
        this.tasks = tasks;
        this.agents = agents;
    }

    @Transactional(readOnly = true)
    public boolean isHeldByOwnAgent(UUID taskId) {
        return taskId != null
                && tasks.findById(taskId)
                        .map(Task::getAgentId)
                        .filter(agents::isOwnAgent)
                        .isPresent();
    }
}
