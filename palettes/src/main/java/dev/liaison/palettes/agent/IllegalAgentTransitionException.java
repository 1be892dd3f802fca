package dev.liaison.palettes.agent;

import dev.liaison.palettes.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An agent event that cannot happen in the agent's current state. */
public class IllegalAgentTransitionException extends ApiException {

    private static final long serialVersionUID = 1L;

    public IllegalAgentTransitionException(AgentState state, AgentEvent event) {
        this(state, event, "not allowed in state " + state);
    }

    public IllegalAgentTransitionException(AgentState state, AgentEvent event, String why) {
        super(
                HttpStatus.CONFLICT,
                "agent.invalid_transition",
                event + " is not possible: " + why,
                Map.of("state", state.name(), "event", event.name()));
    }
}
