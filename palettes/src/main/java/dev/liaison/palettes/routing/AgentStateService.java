package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentEvent;
import dev.liaison.palettes.agent.AgentRepository;
import dev.liaison.palettes.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agent state changes that come from the agent or from their absence: ready, not ready, sign out, heartbeats, and
 * sign-out of agents whose desktop went silent. A pending offer is withdrawn first (task, reservation, agent lock
 * order) and its task goes back to the queue.
 */
@Service
public class AgentStateService {

    private final AgentRepository agents;
    private final ReservationService reservations;
    private final AgentWork agentWork;
    private final AcdProperties properties;
    private final Clock clock;

    AgentStateService(
            AgentRepository agents,
            ReservationService reservations,
            AgentWork agentWork,
            AcdProperties properties,
            Clock clock) {
        this.agents = agents;
        this.reservations = reservations;
        this.agentWork = agentWork;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Agent goAvailable(UUID agentId) {
        return change(agentId, AgentEvent.GO_AVAILABLE, null);
    }

    @Transactional
    public Agent goNotReady(UUID agentId, String reason) {
        reservations.withdrawOfferOf(agentId);
        return change(agentId, AgentEvent.GO_NOT_READY, reason);
    }

    @Transactional
    public Agent logOut(UUID agentId) {
        reservations.withdrawOfferOf(agentId);
        return change(agentId, AgentEvent.LOG_OUT, null);
    }

    /** A sign of life from the agent's desktop. */
    @Transactional
    public void heartbeat(UUID agentId) {
        Agent agent = agents.lockById(agentId).orElseThrow(() -> new NotFoundException("agent", agentId));
        agent.seen(clock.instant());
    }

    /** Signs out agents whose desktop has been silent longer than the presence timeout; returns how many. */
    @Transactional
    public int signOutSilentAgents() {
        Instant now = clock.instant();
        List<UUID> silent = agents.findSilentSince(now.minus(properties.presenceTimeout()));
        int signedOut = 0;
        for (UUID agentId : silent) {
            reservations.withdrawOfferOf(agentId);
            Agent agent = agents.lockById(agentId).orElseThrow();
            if (agent.getLastSeenAt().isAfter(now.minus(properties.presenceTimeout()))
                    || agent.getState() == dev.liaison.palettes.agent.AgentState.OFFLINE) {
                continue; // it spoke up, or was signed out, meanwhile
            }
            agentWork.apply(agent, AgentEvent.PRESENCE_LOST, null, now);
            signedOut++;
        }
        return signedOut;
    }

    private Agent change(UUID agentId, AgentEvent event, String reason) {
        Agent agent = agents.lockById(agentId).orElseThrow(() -> new NotFoundException("agent", agentId));
        agentWork.apply(agent, event, reason, clock.instant());
        return agent;
    }
}
