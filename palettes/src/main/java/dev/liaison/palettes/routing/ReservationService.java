package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentEvent;
import dev.liaison.palettes.agent.AgentRepository;
import dev.liaison.palettes.agent.AgentStateMachine;
import dev.liaison.palettes.web.ConflictException;
import dev.liaison.palettes.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides offers: the agent accepts or rejects, or the offer expires. Locks are taken task first, then reservation,
 * then agent, everywhere, so concurrent decisions wait for each other instead of deadlocking.
 */
@Service
public class ReservationService {

    private final ReservationRepository reservations;
    private final TaskRepository tasks;
    private final AgentRepository agents;
    private final AgentWork agentWork;
    private final ContactTimeline timeline;
    private final ApplicationEventPublisher events;
    private final AcdProperties properties;
    private final Clock clock;

    ReservationService(
            ReservationRepository reservations,
            TaskRepository tasks,
            AgentRepository agents,
            AgentWork agentWork,
            ContactTimeline timeline,
            ApplicationEventPublisher events,
            AcdProperties properties,
            Clock clock) {
        this.reservations = reservations;
        this.tasks = tasks;
        this.agents = agents;
        this.agentWork = agentWork;
        this.timeline = timeline;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The agent takes the task. */
    @Transactional
    public Task accept(UUID reservationId, UUID agentId) {
        Instant now = clock.instant();
        Decision decision = lockPending(reservationId, agentId, now);
        decision.reservation().decide(ReservationStatus.ACCEPTED, now);
        decision.task().assign(agentId, now);
        tasks.flush();
        agentWork.apply(decision.agent(), AgentEvent.OFFER_ACCEPTED, null, now);
        Task task = decision.task();
        timeline.append(
                task.getCorrelationId(),
                "routing.accepted",
                "agent:" + decision.agent().getLogin(),
                decision.agent().getDisplayName() + " accepted",
                Map.of(
                        "taskId",
                        task.getId().toString(),
                        "agent",
                        decision.agent().getLogin()));
        events.publishEvent(new AcdEvent.TaskAssigned(
                task.getId(), task.getCorrelationId(), agentId, decision.agent().getLogin(), task.getChannel(), now));
        return task;
    }

    /** The agent turns the task down; it goes back to its place in the queue and is not offered to them again. */
    @Transactional
    public Task reject(UUID reservationId, UUID agentId, String reason) {
        Instant now = clock.instant();
        Decision decision = lockPending(reservationId, agentId, now);
        giveBack(decision, ReservationStatus.REJECTED, AgentEvent.OFFER_REJECTED, null, now);
        timeline.append(
                decision.task().getCorrelationId(),
                "routing.rejected",
                "agent:" + decision.agent().getLogin(),
                decision.agent().getDisplayName() + " rejected" + (reason == null ? "" : ": " + reason),
                Map.of(
                        "taskId", decision.task().getId().toString(),
                        "agent", decision.agent().getLogin(),
                        "reason", reason == null ? "" : reason));
        return decision.task();
    }

    /** Expires offers past their deadline: tasks go back to their queue, agents to not ready. Returns how many. */
    @Transactional
    public int expireDue(int limit) {
        Instant now = clock.instant();
        int expired = 0;
        for (ReservationRepository.Ref candidate : reservations.findExpired(now, PageRequest.of(0, limit))) {
            Task task = tasks.lockById(candidate.getTaskId()).orElseThrow();
            Reservation reservation = reservations.lockById(candidate.getId()).orElseThrow();
            if (reservation.getStatus() != ReservationStatus.PENDING) {
                continue; // decided meanwhile, here or on another node
            }
            expired++;
            Agent agent = agents.lockById(reservation.getAgentId()).orElseThrow();
            String reason = properties.missedOfferNotReady() ? AgentStateMachine.MISSED_OFFER : null;
            AgentEvent event = properties.missedOfferNotReady() ? AgentEvent.OFFER_EXPIRED : AgentEvent.OFFER_CANCELED;
            giveBack(new Decision(reservation, task, agent), ReservationStatus.TIMED_OUT, event, reason, now);
            timeline.append(
                    task.getCorrelationId(),
                    "routing.offer_expired",
                    "system",
                    agent.getDisplayName() + " did not answer within "
                            + (reservation.getExpiresAt().getEpochSecond()
                                    - reservation.getCreatedAt().getEpochSecond())
                            + " s",
                    Map.of("taskId", task.getId().toString(), "agent", agent.getLogin()));
        }
        return expired;
    }

    /** Withdraws the offer an agent holds (they went not ready, signed out or vanished); the task goes back. */
    @Transactional
    public void withdrawOfferOf(UUID agentId) {
        reservations.pendingRefOf(agentId).ifPresent(pending -> {
            Task task = tasks.lockById(pending.getTaskId()).orElseThrow();
            Reservation reservation = reservations.lockById(pending.getId()).orElseThrow();
            if (reservation.getStatus() != ReservationStatus.PENDING) {
                return;
            }
            Instant now = clock.instant();
            reservation.decide(ReservationStatus.CANCELED, now);
            task.returnToQueue();
            Agent agent = agents.lockById(agentId).orElseThrow();
            events.publishEvent(new AcdEvent.OfferWithdrawn(
                    reservation.getId(), task.getId(), agentId, agent.getLogin(), ReservationStatus.CANCELED));
            timeline.append(
                    task.getCorrelationId(),
                    "routing.offer_withdrawn",
                    "system",
                    "Offer to " + agent.getDisplayName() + " withdrawn; back in the queue",
                    Map.of("taskId", task.getId().toString(), "agent", agent.getLogin()));
        });
    }

    private void giveBack(Decision decision, ReservationStatus outcome, AgentEvent event, String reason, Instant now) {
        decision.reservation().decide(outcome, now);
        decision.task().returnToQueue();
        reservations.flush();
        agentWork.apply(decision.agent(), event, reason, now);
        events.publishEvent(new AcdEvent.OfferWithdrawn(
                decision.reservation().getId(),
                decision.task().getId(),
                decision.agent().getId(),
                decision.agent().getLogin(),
                outcome));
    }

    private Decision lockPending(UUID reservationId, UUID agentId, Instant now) {
        ReservationRepository.Ref found = reservations
                .refOf(reservationId)
                .orElseThrow(() -> new NotFoundException("reservation", reservationId));
        if (!found.getAgentId().equals(agentId)) {
            throw new NotFoundException("reservation", reservationId);
        }
        Task task = tasks.lockById(found.getTaskId()).orElseThrow();
        Reservation reservation = reservations.lockById(reservationId).orElseThrow();
        if (reservation.getStatus() != ReservationStatus.PENDING) {
            throw new ConflictException(
                    "reservation.decided",
                    "the offer was already " + reservation.getStatus().name().toLowerCase());
        }
        if (!reservation.getExpiresAt().isAfter(now)) {
            throw new ConflictException("reservation.expired", "the offer expired at " + reservation.getExpiresAt());
        }
        Agent agent = agents.lockById(agentId).orElseThrow(() -> new NotFoundException("agent", agentId));
        return new Decision(reservation, task, agent);
    }

    private record Decision(Reservation reservation, Task task, Agent agent) {}
}
