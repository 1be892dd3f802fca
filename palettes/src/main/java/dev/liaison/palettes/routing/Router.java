package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentEvent;
import dev.liaison.palettes.agent.AgentRepository;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.agent.AgentStateChanged;
import dev.liaison.palettes.agent.Workload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
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

    /** Rows written per JDBC batch while routing. */
    private static final int WRITE_BATCH = 100;

    /** Agents locked per query, in idle order, as far as a pass needs them. */
    private static final int AGENT_CHUNK = 50;

    /** Agents whose skills one query loads. */
    private static final int FETCH_BATCH = AGENT_CHUNK;

    private final TaskRepository tasks;
    private final AgentRepository agents;
    private final ReservationRepository reservations;
    private final RoutingPlan plan;
    private final ContactTimeline timeline;
    private final ApplicationEventPublisher events;
    private final AcdProperties properties;
    private final Clock clock;
    private final Counter offers;

    @PersistenceContext
    private EntityManager entityManager;

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
        Session session = entityManager.unwrap(Session.class);
        Integer jdbcBatchSize = session.getJdbcBatchSize();
        int fetchBatchSize = session.getFetchBatchSize();
        FlushMode flushMode = session.getHibernateFlushMode();
        // Every offer writes a reservation, a task and an agent: in JDBC batches. The agents' skills load in batches
        // too, not one query per agent. Nothing a pass reads depends on what it wrote before (the next page of tasks
        // starts after the ones already seen, and offers are not refusals), so its queries need not flush first:
        // each such flush would dirty-check every locked agent and task. Everything is written at commit.
        session.setJdbcBatchSize(WRITE_BATCH);
        session.setFetchBatchSize(FETCH_BATCH);
        session.setHibernateFlushMode(FlushMode.COMMIT);
        try {
            return route();
        } finally {
            session.setJdbcBatchSize(jdbcBatchSize);
            session.setFetchBatchSize(fetchBatchSize);
            session.setHibernateFlushMode(flushMode);
        }
    }

    private int route() {
        // Tasks first: most passes (after an accept, an end, a tick) find nothing waiting, and then lock no agents.
        // Both are taken with SKIP LOCKED, so the order cannot deadlock.
        List<Task> page = tasks.lockWaiting(properties.batchSize());
        if (page.isEmpty()) {
            return 0;
        }
        FreeAgents free = new FreeAgents();
        if (free.isEmpty()) {
            return 0;
        }
        Pass pass = new Pass(free, plan.snapshot(), clock.instant());
        int made = 0;
        int scanned = 0;
        while (!page.isEmpty() && !free.isEmpty() && scanned < properties.maxScan()) {
            Map<UUID, Set<UUID>> declined = declinedBy(page);
            for (Task task : page) {
                scanned++;
                if (free.isEmpty()) {
                    break;
                }
                Agent chosen = offer(task, pass, declined);
                if (chosen != null) {
                    free.remove(chosen);
                    made++;
                }
            }
            if (page.size() < properties.batchSize()) {
                break; // that was the last page
            }
            Task last = page.get(page.size() - 1);
            page = tasks.lockWaitingAfter(
                    last.getPriority(), last.getCreatedAt(), last.getId(), properties.batchSize());
        }
        writeTimeline(pass.lines);
        offers.increment(made);
        return made;
    }

    private void writeTimeline(List<TimelineLine> lines) {
        // Timeline writes lock each interaction; taking them in one order keeps two nodes from deadlocking.
        lines.sort(java.util.Comparator.comparing(TimelineLine::correlationId));
        lines.forEach(line ->
                timeline.append(line.correlationId(), "routing.offered", "system", line.summary(), line.details()));
    }

    /**
     * The routable agents of a pass that have not been offered a task in it yet, longest idle first. They are locked
     * a chunk at a time, as far down the line as the pass looks: a pass that finds an agent among the first few does
     * not lock, load and check every agent of the contact center, and leaves the others to a node routing next to it.
     */
    private final class FreeAgents {

        private final List<Agent> agents = new ArrayList<>();
        private final Map<UUID, Map<String, Long>> occupancy = new HashMap<>();
        private Agent lastLocked;
        private boolean allLocked;

        /** The free agent at {@code index} in idle order, locking more agents when needed; null past the last. */
        Agent get(int index) {
            while (index >= agents.size() && !allLocked) {
                lockMore();
            }
            return index < agents.size() ? agents.get(index) : null;
        }

        boolean isEmpty() {
            return get(0) == null;
        }

        void remove(Agent agent) {
            agents.remove(agent);
        }

        /** What the agent holds now: active tasks per channel. */
        Map<String, Long> occupancyOf(Agent agent) {
            return occupancy.getOrDefault(agent.getId(), Map.of());
        }

        private void lockMore() {
            Limit chunk = Limit.of(AGENT_CHUNK);
            List<Agent> locked = lastLocked == null
                    ? Router.this.agents.lockRoutable(ROUTABLE, chunk)
                    : Router.this.agents.lockRoutableAfter(
                            ROUTABLE, lastLocked.getIdleSince(), lastLocked.getId(), chunk);
            allLocked = locked.size() < AGENT_CHUNK;
            if (locked.isEmpty()) {
                return;
            }
            lastLocked = locked.get(locked.size() - 1);
            agents.addAll(locked);
            List<UUID> ids = locked.stream().map(Agent::getId).toList();
            for (TaskRepository.Occupancy row : tasks.occupancyOf(ids)) {
                occupancy
                        .computeIfAbsent(row.getAgentId(), id -> new HashMap<>())
                        .put(row.getChannel(), row.getTasks());
            }
        }
    }

    /**
     * What one pass knows: its free agents, their routing attributes (built when first needed), the queues and
     * workflows, and which tasks no free agent can take.
     */
    private static final class Pass {

        final FreeAgents free;
        final RoutingPlan.Snapshot snapshot;
        final Instant now;
        final Map<UUID, Map<String, Object>> agentViews = new HashMap<>();
        final Set<Unmatched> unmatched = new HashSet<>();
        final List<TimelineLine> lines = new ArrayList<>();

        Pass(FreeAgents free, RoutingPlan.Snapshot snapshot, Instant now) {
            this.free = free;
            this.snapshot = snapshot;
            this.now = now;
        }

        Map<String, Object> viewOf(Agent agent) {
            return agentViews.computeIfAbsent(agent.getId(), id -> agent.routingAttributes());
        }
    }

    /**
     * A task no free agent could take, as far as the agents decide it: where it is (queue, workflow, filter, target) and
     * what the target's expressions and the capacity check see of it. By then every routable agent was locked, and
     * agents only leave the free list during a pass, so a later task with the same key, and no more agents it may be
     * offered to, finds nobody either.
     */
    private record Unmatched(
            UUID queueId, UUID workflowId, String filter, int targetIndex, Map<String, Object> taskView) {}

    private record TimelineLine(UUID correlationId, String summary, Map<String, Object> details) {}

    private Agent offer(Task task, Pass pass, Map<UUID, Set<UUID>> declined) {
        RoutingTarget target = pass.snapshot.targetOf(task);
        Map<String, Object> taskView = task.routingAttributes();
        Set<UUID> refused = declined.getOrDefault(task.getId(), Set.of());
        Unmatched key = new Unmatched(
                target.queue().getId(), task.getWorkflowId(), target.filter(), target.targetIndex(), taskView);
        if (pass.unmatched.contains(key)) {
            return null;
        }
        List<Map<String, Object>> skipped = new ArrayList<>();
        Agent chosen = null;
        Agent agent;
        for (int index = 0; (agent = pass.free.get(index)) != null; index++) {
            Map<String, Object> agentView = pass.viewOf(agent);
            Map<String, Long> held = pass.free.occupancyOf(agent);
            if (admits(agent, task, target, agentView, taskView, held, refused)) {
                chosen = agent;
                break;
            }
            if (skipped.size() < EXPLAINED_SKIPS) {
                String why = whyNot(agent, task, target, agentView, taskView, held, refused);
                skipped.add(Map.of("agent", agent.getLogin(), "reason", why));
            }
        }
        if (chosen == null) {
            if (refused.isEmpty()) {
                pass.unmatched.add(key);
            }
            return null;
        }
        Instant now = pass.now;
        TaskQueue queue = target.queue();
        Instant expires = now.plusSeconds(queue.getReservationTimeoutSeconds());
        Map<String, Object> explanation = explanation(task, target, chosen, skipped, now);
        Reservation reservation = new Reservation(
                UUID.randomUUID(), task.getId(), chosen.getId(), queue.getId(), now, expires, explanation);
        // A new row with its own id: persist, where save() would first look for it.
        entityManager.persist(reservation);
        // Agents and tasks are loaded read-only (no snapshot to copy and compare); the two that change become writable.
        Session session = entityManager.unwrap(Session.class);
        session.setReadOnly(task, false);
        session.setReadOnly(chosen, false);
        task.reserve();
        Map<String, Long> held = pass.free.occupancyOf(chosen);
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
        pass.lines.add(new TimelineLine(
                task.getCorrelationId(),
                "Offered to " + chosen.getDisplayName() + " from queue " + queue.getName(),
                explanation));
        return chosen;
    }

    /** Whether the agent may take the task now: the same test as {@link #whyNot}, without building the reason. */
    private static boolean admits(
            Agent agent,
            Task task,
            RoutingTarget target,
            Map<String, Object> agentView,
            Map<String, Object> taskView,
            Map<String, Long> occupancy,
            Set<UUID> refused) {
        if (refused.contains(agent.getId())) {
            return false;
        }
        long held = occupancy.getOrDefault(task.getChannel(), 0L);
        if (held >= agent.capacityFor(task.getChannel())) {
            return false;
        }
        return target.admits(agentView, taskView);
    }

    private static String whyNot(
            Agent agent,
            Task task,
            RoutingTarget target,
            Map<String, Object> agentView,
            Map<String, Object> taskView,
            Map<String, Long> occupancy,
            Set<UUID> refused) {
        if (refused.contains(agent.getId())) {
            return "already declined this task";
        }
        long held = occupancy.getOrDefault(task.getChannel(), 0L);
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

    private Map<UUID, Set<UUID>> declinedBy(List<Task> page) {
        Map<UUID, Set<UUID>> declined = new HashMap<>();
        List<UUID> ids = page.stream().map(Task::getId).toList();
        for (ReservationRepository.Declined row : reservations.declinedFor(ids)) {
            declined.computeIfAbsent(row.getTaskId(), id -> new HashSet<>()).add(row.getAgentId());
        }
        return declined;
    }
}
