package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.AgentEvent;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.agent.AgentStateChanged;
import dev.liaison.palettes.agent.AgentStateMachine;
import dev.liaison.palettes.agent.Workload;
import dev.liaison.palettes.routing.RoutingSql.Offer;
import dev.liaison.palettes.routing.RoutingSql.RoutableAgent;
import dev.liaison.palettes.routing.RoutingSql.WaitingTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One routing pass: matches waiting tasks, highest priority and oldest first, with the longest-idle agent their
 * current target admits, and creates the offers.
 *
 * <p>Tasks and agents are taken with {@code FOR UPDATE SKIP LOCKED} in one transaction, so two nodes routing at the
 * same time work on disjoint sets and never offer one task twice or fill one agent beyond capacity; the partial
 * unique indexes on {@code reservation} hold the same line inside the database. The pass reads and writes rows
 * through {@link RoutingSql} and writes its offers, and their explanations in the contacts' timelines, together at
 * the end, in the same transaction.
 */
@Component
public class Router {

    /** How many passed-over agents an explanation lists. */
    static final int EXPLAINED_SKIPS = 10;

    /**
     * Agents locked per query, in idle order, for the first {@value #SMALL_CHUNKS} queries of a pass: a pass that
     * offers one task usually finds its agent among the first few hundred and should not lock more.
     */
    private static final int AGENT_CHUNK = 50;

    private static final int SMALL_CHUNKS = 4;

    /** A pass that needs more agents than that (a large backlog) locks them this many at a time. */
    private static final int LARGE_AGENT_CHUNK = 400;

    private final RoutingSql sql;
    private final RoutingPlan plan;
    private final ContactTimeline timeline;
    private final ApplicationEventPublisher events;
    private final AcdProperties properties;
    private final Clock clock;
    private final Counter offers;

    @PersistenceContext
    private EntityManager entityManager;

    Router(
            RoutingSql sql,
            RoutingPlan plan,
            ContactTimeline timeline,
            ApplicationEventPublisher events,
            AcdProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.sql = sql;
        this.plan = plan;
        this.timeline = timeline;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.offers = Counter.builder("liaison.acd.offers")
                .description("Tasks offered to agents")
                .register(meters);
    }

    /**
     * What a pass did.
     *
     * @param offers offers made
     * @param sawEveryWaitingTask the pass looked at every task waiting when it read them: another pass right away
     *     finds nothing new, unless something changed since (and each such change asks for a pass itself)
     */
    public record Outcome(int offers, boolean sawEveryWaitingTask) {}

    /** Routes what can be routed now; returns the number of offers made. */
    @Transactional
    public int routeOnce() {
        return pass().offers();
    }

    /** Routes what can be routed now, as {@link #routeOnce}, and says whether tasks were left unseen. */
    @Transactional
    public Outcome pass() {
        // The pass reads in SQL: changes a caller's transaction still holds in entities must reach the database first.
        entityManager.flush();
        Session session = entityManager.unwrap(Session.class);
        boolean readOnly = session.isDefaultReadOnly();
        // The queues and workflows the pass loads are only read: no snapshots, nothing to check at commit.
        session.setDefaultReadOnly(true);
        try {
            return route();
        } finally {
            session.setDefaultReadOnly(readOnly);
        }
    }

    private Outcome route() {
        // Tasks first: most passes (after an accept, an end, a tick) find nothing waiting, and then lock no agents.
        // Both are taken with SKIP LOCKED, so the order cannot deadlock.
        List<WaitingTask> page = sql.lockWaiting(properties.batchSize());
        if (page.isEmpty()) {
            return new Outcome(0, true);
        }
        FreeAgents free = new FreeAgents();
        if (free.isEmpty()) {
            return new Outcome(0, false);
        }
        Pass pass = new Pass(sql, free, plan.snapshot(), clock.instant());
        int scanned = 0;
        boolean sawEvery = false;
        while (!free.isEmpty() && scanned < properties.maxScan()) {
            int looked = 0;
            for (WaitingTask task : page) {
                if (free.isEmpty()) {
                    break;
                }
                looked++;
                Offer offer = offer(task, pass);
                if (offer != null) {
                    free.remove(offer.agent());
                    pass.offers.add(offer);
                }
            }
            scanned += looked;
            if (page.size() < properties.batchSize()) {
                sawEvery = looked == page.size(); // that was the last page
                break;
            }
            page = sql.lockWaitingAfter(page.get(page.size() - 1), properties.batchSize());
            if (page.isEmpty()) {
                sawEvery = true;
                break;
            }
        }
        write(pass.offers, pass.now);
        offers.increment(pass.offers.size());
        return new Outcome(pass.offers.size(), sawEvery);
    }

    /**
     * Writes the pass's offers: tasks, reservations and agents, then the explanations to the contacts' timelines (which
     * lock the interactions last, in correlation ID order), then announces them to after-commit listeners.
     */
    private void write(List<Offer> made, Instant now) {
        if (made.isEmpty()) {
            return;
        }
        sql.writeOffers(made, now);
        List<ContactTimeline.Entry> lines = new ArrayList<>(made.size());
        for (Offer offer : made) {
            lines.add(new ContactTimeline.Entry(
                    offer.task().correlationId(),
                    "routing.offered",
                    "system",
                    "Offered to " + offer.agent().displayName() + " from queue "
                            + offer.queue().getName(),
                    offer.explanation()));
        }
        timeline.appendAll(lines);
        for (Offer offer : made) {
            RoutableAgent agent = offer.agent();
            WaitingTask task = offer.task();
            events.publishEvent(new AgentStateChanged(
                    agent.id(), agent.login(), agent.state(), offer.agentState(), null, AgentEvent.OFFERED, now));
            events.publishEvent(new AcdEvent.TaskOffered(
                    offer.reservationId(),
                    task.id(),
                    task.correlationId(),
                    agent.id(),
                    agent.login(),
                    offer.queue().getName(),
                    task.channel(),
                    java.util.Collections.unmodifiableMap(task.attributes()),
                    offer.expiresAt(),
                    offer.explanation()));
        }
    }

    /**
     * The routable agents of a pass that have not been offered a task in it yet, longest idle first. They are locked
     * a chunk at a time, as far down the line as the pass looks: a pass that finds an agent among the first few does
     * not lock and check every agent of the contact center, and leaves the others to a node routing next to it.
     */
    private final class FreeAgents {

        private final List<RoutableAgent> agents = new ArrayList<>();
        private RoutableAgent lastLocked;
        private int queries;
        private boolean allLocked;

        /** The free agent at {@code index} in idle order, locking more agents when needed; null past the last. */
        RoutableAgent get(int index) {
            while (index >= agents.size() && !allLocked) {
                lockMore();
            }
            return index < agents.size() ? agents.get(index) : null;
        }

        boolean isEmpty() {
            return get(0) == null;
        }

        void remove(RoutableAgent agent) {
            agents.remove(agent);
        }

        private void lockMore() {
            int chunk = queries++ < SMALL_CHUNKS ? AGENT_CHUNK : LARGE_AGENT_CHUNK;
            List<RoutableAgent> locked = sql.lockRoutable(lastLocked, chunk);
            allLocked = locked.size() < chunk;
            if (locked.isEmpty()) {
                return;
            }
            lastLocked = locked.get(locked.size() - 1);
            agents.addAll(locked);
        }
    }

    /**
     * What one pass knows: its free agents, their routing attributes (built when first needed), the queues and
     * workflows and the targets built from them, which tasks no free agent can take, and the offers made.
     */
    private static final class Pass {

        final RoutingSql sql;
        final FreeAgents free;
        final RoutingPlan.Snapshot snapshot;
        final Instant now;
        final Map<UUID, Map<String, Object>> agentViews = new HashMap<>();
        final Map<Place, RoutingTarget> targets = new HashMap<>();
        final Set<Unmatched> unmatched = new HashSet<>();
        final List<Offer> offers = new ArrayList<>();

        Pass(RoutingSql sql, FreeAgents free, RoutingPlan.Snapshot snapshot, Instant now) {
            this.sql = sql;
            this.free = free;
            this.snapshot = snapshot;
            this.now = now;
        }

        Map<String, Object> viewOf(RoutableAgent agent) {
            return agentViews.computeIfAbsent(agent.id(), id -> sql.routingAttributes(agent));
        }

        RoutingTarget targetOf(WaitingTask task) {
            Place place = new Place(task.queueId(), task.workflowId(), task.filterName(), task.targetIndex());
            return targets.computeIfAbsent(
                    place,
                    where -> snapshot.targetOf(where.queueId(), where.workflowId(), where.filter(), where.index()));
        }
    }

    /** Where a task waits: queue, and workflow, filter and target index. */
    private record Place(UUID queueId, UUID workflowId, String filter, int index) {}

    /**
     * A task no free agent could take, as far as the agents decide it: where it is (queue, workflow, filter, target) and
     * what the target's expressions and the capacity check see of it. By then every routable agent was locked, and
     * agents only leave the free list during a pass, so a later task with the same key, and no more agents it may be
     * offered to, finds nobody either.
     */
    private record Unmatched(
            UUID queueId, UUID workflowId, String filter, int targetIndex, Map<String, Object> taskView) {}

    private Offer offer(WaitingTask task, Pass pass) {
        RoutingTarget target = pass.targetOf(task);
        Map<String, Object> taskView = task.routingAttributes();
        Set<UUID> refused = task.declinedBy();
        Unmatched key = new Unmatched(
                target.queue().getId(), task.workflowId(), target.filter(), target.targetIndex(), taskView);
        if (pass.unmatched.contains(key)) {
            return null;
        }
        List<Map<String, Object>> skipped = new ArrayList<>();
        RoutableAgent chosen = null;
        RoutableAgent agent;
        for (int index = 0; (agent = pass.free.get(index)) != null; index++) {
            if (admits(agent, task, target, pass, taskView, refused)) {
                chosen = agent;
                break;
            }
            if (skipped.size() < EXPLAINED_SKIPS) {
                String why = whyNot(agent, task, target, pass, taskView, refused);
                skipped.add(Map.of("agent", agent.login(), "reason", why));
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
        // The state machine decides the agent's next state, as Agent.apply would; the state's start moves only when
        // the state changes (an agent offered a task is ready, so no reason and no new idle time).
        AgentState next =
                AgentStateMachine.next(chosen.state(), AgentEvent.OFFERED, new Workload(true, chosen.active(), 0));
        Instant since = next != chosen.state() ? now : chosen.stateSince();
        return new Offer(UUID.randomUUID(), task, chosen, queue, expires, explanation, next, since);
    }

    /** Whether the agent may take the task now: the same test as {@link #whyNot}, without building the reason. */
    private static boolean admits(
            RoutableAgent agent,
            WaitingTask task,
            RoutingTarget target,
            Pass pass,
            Map<String, Object> taskView,
            Set<UUID> refused) {
        if (refused.contains(agent.id())) {
            return false;
        }
        if (agent.held(task.channel()) >= agent.capacityFor(task.channel())) {
            return false;
        }
        return target.admits(pass.viewOf(agent), taskView);
    }

    private static String whyNot(
            RoutableAgent agent,
            WaitingTask task,
            RoutingTarget target,
            Pass pass,
            Map<String, Object> taskView,
            Set<UUID> refused) {
        if (refused.contains(agent.id())) {
            return "already declined this task";
        }
        long held = agent.held(task.channel());
        int capacity = agent.capacityFor(task.channel());
        if (held >= capacity) {
            return "no spare " + task.channel() + " capacity (" + held + " of " + capacity + ")";
        }
        return target.whyNot(pass.viewOf(agent), taskView);
    }

    private static Map<String, Object> explanation(
            WaitingTask task,
            RoutingTarget target,
            RoutableAgent chosen,
            List<Map<String, Object>> skipped,
            Instant now) {
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("queue", target.queue().getName());
        if (target.filter() != null) {
            why.put("filter", target.filter());
            why.put("target", target.targetIndex());
        }
        why.put("expression", target.conditionText());
        why.put("agent", chosen.login());
        why.put(
                "agentIdleSeconds",
                Math.max(0, Duration.between(chosen.idleSince(), now).toSeconds()));
        why.put(
                "waitedSeconds",
                Math.max(0, Duration.between(task.createdAt(), now).toSeconds()));
        why.put("priority", task.priority());
        why.put("rule", "longest-idle agent admitted by the target, highest priority then oldest task first");
        why.put("skipped", skipped);
        return why;
    }
}
