package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.AgentStateChanged;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The node's routing thread. It routes as soon as something changed (a task queued, an offer came back, an agent
 * became free) and on every tick anyway, and on each tick it also runs the sweeps that give every state an exit:
 * expired offers, expired wrap-ups, workflow escalations, silent agents, tasks left with a signed-out agent. Everything it acts on is in the database, so
 * after a restart it simply carries on; several nodes can run it at once.
 */
@Component
public class RoutingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoutingLoop.class);
    private static final int SWEEP_LIMIT = 500;

    private final Router router;
    private final ReservationService reservations;
    private final TaskService tasks;
    private final AgentStateService agentStates;
    private final OrphanedWork orphans;
    private final AcdProperties properties;
    private final AtomicBoolean routeRequested = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    RoutingLoop(
            Router router,
            ReservationService reservations,
            TaskService tasks,
            AgentStateService agentStates,
            OrphanedWork orphans,
            AcdProperties properties) {
        this.router = router;
        this.reservations = reservations;
        this.tasks = tasks;
        this.agentStates = agentStates;
        this.orphans = orphans;
        this.properties = properties;
    }

    /** Runs every sweep once, then routes until nothing more can be offered. Safe to call from tests. */
    public void runOnce() {
        reservations.expireDue(SWEEP_LIMIT);
        tasks.completeExpiredWrapUps(SWEEP_LIMIT);
        tasks.escalateDue(SWEEP_LIMIT);
        agentStates.signOutSilentAgents();
        orphans.endOrphans(SWEEP_LIMIT);
        routeUntilIdle();
    }

    /**
     * Routes pass after pass while passes make offers and leave waiting tasks unseen (more than one pass reads, or
     * agents ran out while more may be free now). A pass that looked at every waiting task is the last: one more would
     * find nothing new, and whatever changes after it (a task queued, an offer returned, an agent freed) asks for a
     * pass itself.
     */
    public void routeUntilIdle() {
        Router.Outcome outcome;
        do {
            outcome = router.pass();
        } while (outcome.offers() > 0 && !outcome.sawEveryWaitingTask());
    }

    @TransactionalEventListener
    void taskQueued(AcdEvent.TaskQueued event) {
        requestRouting();
    }

    @TransactionalEventListener
    void offerWithdrawn(AcdEvent.OfferWithdrawn event) {
        requestRouting();
    }

    @TransactionalEventListener
    void agentChanged(AgentStateChanged event) {
        if (event.to().routable()) {
            requestRouting();
        }
    }

    private void requestRouting() {
        ScheduledExecutorService running = executor;
        if (running != null && routeRequested.compareAndSet(false, true)) {
            running.execute(this::routeOnRequest);
        }
    }

    private void routeOnRequest() {
        routeRequested.set(false);
        try {
            routeUntilIdle();
        } catch (RuntimeException e) {
            log.warn("Routing failed; the next tick tries again: {}", e.toString());
        }
    }

    private void tick() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Routing tick failed; the next tick tries again: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (!properties.loopEnabled()) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "acd-routing");
            thread.setDaemon(true);
            return thread;
        });
        Duration interval = properties.routingInterval();
        scheduler.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = scheduler;
        log.info("ACD routing loop started, tick every {} ms", interval.toMillis());
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
