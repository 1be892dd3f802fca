package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentEvent;
import dev.liaison.palettes.agent.AgentStateChanged;
import dev.liaison.palettes.agent.Workload;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Applies agent events with the agent's workload read from the tasks and offers, and announces the change. */
@Component
class AgentWork {

    private final TaskRepository tasks;
    private final ReservationRepository reservations;
    private final ApplicationEventPublisher events;

    AgentWork(TaskRepository tasks, ReservationRepository reservations, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.reservations = reservations;
        this.events = events;
    }

    Workload of(Agent agent) {
        boolean offer = reservations
                .findByAgentIdAndStatus(agent.getId(), ReservationStatus.PENDING)
                .isPresent();
        int assigned = (int) tasks.countByAgentIdAndStatus(agent.getId(), TaskStatus.ASSIGNED);
        int wrapping = (int) tasks.countByAgentIdAndStatus(agent.getId(), TaskStatus.WRAPPING);
        return new Workload(offer, assigned, wrapping);
    }

    /** Applies {@code event} to a locked agent, after the tasks and offers already reflect it. */
    void apply(Agent agent, AgentEvent event, String reason, Instant now) {
        var before = agent.apply(event, of(agent), reason, now);
        if (before != agent.getState() || event == AgentEvent.GO_NOT_READY) {
            events.publishEvent(new AgentStateChanged(
                    agent.getId(), agent.getLogin(), before, agent.getState(), agent.getStateReason(), event, now));
        }
    }
}
