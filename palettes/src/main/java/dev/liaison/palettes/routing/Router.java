package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentEvent;
import dev.liaison.palettes.agent.AgentRepository;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.agent.AgentStateChanged;
import dev.liaison.palettes.agent.Workload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One routing pass: matches waiting tasks, highest priority and oldest first, with the longest-idle agent their
 * current target admits, and creates the offers.
 *
 * <p>Tasks and agents are taken with {@code FOR UPDATE SKIP LOCKED} in one transaction, so two nodes routing at the
 * same time work on disjoint sets and never offer one task twice or fill one agent beyond capacity; the partial
 * unique indexes on {@code reservation} hold the same line inside the database.
 */
@Component
public class Router {

    /** How many passed-over agents an explanation lists. */
    static final int EXPLAINED_SKIPS = 10;

    private static final Set<AgentState> ROUTABLE = EnumSet.of(AgentState.AVAILABLE, AgentState.BUSY);

    private final TaskRepository tasks;
    private final AgentRepository agents;
    private final ReservationRepository reservations;
    private final RoutingPlan plan;
    private final ContactTimeline timeline;
    private final ApplicationEventPublisher events;
    private final AcdProperties properties;
    private final Clock clock;
    private final Counter offers;

    Router(
            TaskRepository tasks,
            AgentRepository agents,
            ReservationRepository reservations,
            RoutingPlan plan,
            ContactTimeline timeline,
            ApplicationEventPublisher events,
            AcdProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.tasks = tasks;
        this.agents = agents;
        this.reservations = reservations;
        this.plan = plan;
        this.timeline = timeline;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.offers = Counter.builder("liaison.acd.offers")
                .description("Tasks offered to agents")
                .register(meters);
    }

    /** Routes what can be routed now; returns the number of offers made. */
    @Transactional
    public int routeOnce() {
        List<Agent> free = new ArrayList<>(agents.lockRoutable(ROUTABLE));
        if (free.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<UUID, Map<String, Long>> occupancy = occupancyOf(free);
        Map<UUID, Map<String, Object>> agentViews = new HashMap<>();
        free.forEach(agent -> agentViews.put(agent.getId(), agent.routingAttributes()));
        RoutingPlan.Snapshot snapshot = plan.snapshot();

        int made = 0;
        int scanned = 0;
        List<TimelineLine> lines = new ArrayList<>();
        List<Task> page = tasks.lockWaiting(properties.batchSize());
        while (!page.isEmpty() && !free.isEmpty() && scanned < properties.maxScan()) {
            Map<UUID, Set<UUID>> declined = declinedBy(page);
            for (Task task : page) {
                scanned++;
                if (free.isEmpty()) {
                    break;
                }
                Agent chosen = offer(task, free, agentViews, occupancy, declined, snapshot, now, lines);
                if (chosen != null) {
                    free.remove(chosen);
                    made++;
                }
            }
            Task last = page.get(page.size() - 1);
            page = tasks.lockWaitingAfter(
                    last.getPriority(), last.getCreatedAt(), last.getId(), properties.batchSize());
        }
        // Timeline writes lock each interaction; taking them in one order keeps two nodes from deadlocking.
        lines.sort(java.util.Comparator.comparing(TimelineLine::correlationId));
        lines.forEach(line ->
                timeline.append(line.correlationId(), "routing.offered", "system", line.summary(), line.details()));
        offers.increment(made);
        return made;
    }

    private record TimelineLine(UUID correlationId, String summary, Map<String, Object> details) {}

    private Agent offer(
            Task task,
            List<Agent> free,
            Map<UUID, Map<String, Object>> agentViews,
            Map<UUID, Map<String, Long>> occupancy,
            Map<UUID, Set<UUID>> declined,
            RoutingPlan.Snapshot snapshot,
            Instant now,
            List<TimelineLine> lines) {
        RoutingTarget target = snapshot.targetOf(task);
        Map<String, Object> taskView = task.routingAttributes();
        Set<UUID> refused = declined.getOrDefault(task.getId(), Set.of());
        List<Map<String, Object>> skipped = new ArrayList<>();
        Agent chosen = null;
        for (Agent agent : free) {
            String why = whyNot(agent, task, target, agentViews.get(agent.getId()), taskView, occupancy, refused);
            if (why == null) {
                chosen = agent;
                break;
            }
            if (skipped.size() < EXPLAINED_SKIPS) {
                skipped.add(Map.of("agent", agent.getLogin(), "reason", why));
            }
        }
        if (chosen == null) {
            return null;
        }
        TaskQueue queue = target.queue();
        Instant expires = now.plusSeconds(queue.getReservationTimeoutSeconds());
        Map<String, Object> explanation = explanation(task, target, chosen, skipped, now);
        Reservation reservation = new Reservation(
                UUID.randomUUID(), task.getId(), chosen.getId(), queue.getId(), now, expires, explanation);
        reservations.save(reservation);
        task.reserve();
        Map<String, Long> held = occupancy.getOrDefault(chosen.getId(), Map.of());
        int active = (int) held.values().stream().mapToLong(Long::longValue).sum();
        AgentState before = chosen.apply(AgentEvent.OFFERED, new Workload(true, active, 0), null, now);
        events.publishEvent(new AgentStateChanged(
                chosen.getId(), chosen.getLogin(), before, chosen.getState(), null, AgentEvent.OFFERED, now));
        events.publishEvent(new AcdEvent.TaskOffered(
                reservation.getId(),
                task.getId(),
                task.getCorrelationId(),
                chosen.getId(),
                chosen.getLogin(),
                queue.getName(),
                task.getChannel(),
                task.getAttributes(),
                expires,
                explanation));
        lines.add(new TimelineLine(
                task.getCorrelationId(),
                "Offered to " + chosen.getDisplayName() + " from queue " + queue.getName(),
                explanation));
        return chosen;
    }

    private static String whyNot(
            Agent agent,
            Task task,
            RoutingTarget target,
            Map<String, Object> agentView,
            Map<String, Object> taskView,
            Map<UUID, Map<String, Long>> occupancy,
            Set<UUID> refused) {
        if (refused.contains(agent.getId())) {
            return "already declined this task";
        }
        long held = occupancy.getOrDefault(agent.getId(), Map.of()).getOrDefault(task.getChannel(), 0L);
        int capacity = agent.capacityFor(task.getChannel());
        if (held >= capacity) {
            return "no spare " + task.getChannel() + " capacity (" + held + " of " + capacity + ")";
        }
        return target.whyNot(agentView, taskView);
    }

    private static Map<String, Object> explanation(
            Task task, RoutingTarget target, Agent chosen, List<Map<String, Object>> skipped, Instant now) {
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("queue", target.queue().getName());
        if (target.filter() != null) {
            why.put("filter", target.filter());
            why.put("target", target.targetIndex());
        }
        why.put("expression", target.conditionText());
        why.put("agent", chosen.getLogin());
        why.put(
                "agentIdleSeconds",
                Math.max(0, Duration.between(chosen.getIdleSince(), now).toSeconds()));
        why.put(
                "waitedSeconds",
                Math.max(0, Duration.between(task.getCreatedAt(), now).toSeconds()));
        why.put("priority", task.getPriority());
        why.put("rule", "longest-idle agent admitted by the target, highest priority then oldest task first");
        why.put("skipped", skipped);
        return why;
    }

    private Map<UUID, Map<String, Long>> occupancyOf(List<Agent> free) {
        Map<UUID, Map<String, Long>> occupancy = new HashMap<>();
        List<UUID> ids = free.stream().map(Agent::getId).toList();
        for (TaskRepository.Occupancy row : tasks.occupancyOf(ids)) {
            occupancy.computeIfAbsent(row.getAgentId(), id -> new HashMap<>()).put(row.getChannel(), row.getTasks());
        }
        return occupancy;
    }

    private Map<UUID, Set<UUID>> declinedBy(List<Task> page) {
        Map<UUID, Set<UUID>> declined = new HashMap<>();
        List<UUID> ids = page.stream().map(Task::getId).toList();
        for (ReservationRepository.Declined row : reservations.declinedFor(ids)) {
            declined.computeIfAbsent(row.getTaskId(), id -> new HashSet<>()).add(row.getAgentId());
        }
        return declined;
    }
}
