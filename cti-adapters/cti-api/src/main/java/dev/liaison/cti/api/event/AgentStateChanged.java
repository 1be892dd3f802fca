package dev.liaison.cti.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's state changed at the vendor: {@code state} normalized, {@code vendorState} as the vendor names it (for
 * the timeline), {@code reasonCode} the vendor's reason code or null.
 */
public record AgentStateChanged(
        String link,
        Instant at,
        String agentId,
        String instrument,
        AgentState state,
        String vendorState,
        Integer reasonCode)
        implements CtiEvent {

    public AgentStateChanged {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String type() {
        return "agent.state";
    }
}
