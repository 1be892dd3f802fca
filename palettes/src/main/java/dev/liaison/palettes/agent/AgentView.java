package dev.liaison.palettes.agent;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An agent as the REST API shows it. */
public record AgentView(
        UUID id,
        String login,
        String displayName,
        AgentState state,
        String stateReason,
        Instant stateSince,
        Instant idleSince,
        Instant lastSeenAt,
        Map<String, Integer> skills,
        Map<String, Integer> capacity,
        Map<String, Object> attributes) {

    public static AgentView of(Agent agent) {
        return new AgentView(
                agent.getId(),
                agent.getLogin(),
                agent.getDisplayName(),
                agent.getState(),
                agent.getStateReason(),
                agent.getStateSince(),
                agent.getIdleSince(),
                agent.getLastSeenAt(),
                agent.getSkills(),
                agent.getCapacity(),
                agent.getAttributes());
    }
}
