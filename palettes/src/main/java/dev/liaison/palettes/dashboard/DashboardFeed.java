package dev.liaison.palettes.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.agent.AgentStateChanged;
import dev.liaison.palettes.routing.AcdEvent;
import dev.liaison.palettes.routing.AgentStatistics;
import dev.liaison.palettes.routing.QueueService;
import dev.liaison.palettes.routing.QueueStatistics;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Feeds the open statistics streams: a snapshot of every queue and agent whenever a committed ACD event or agent state
 * change happened, and every {@code interval} anyway. Snapshots are made on the feed's own thread, once for all
 * streams, and only while a stream is open; events that arrive while a push is pending are folded into it.
 */
class DashboardFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

    private final DashboardStreams streams;
    private final QueueService queues;
    private final QueueStatistics queueStatistics;
    private final AgentDirectory agents;
    private final AgentStatistics agentStatistics;
    private final ObjectMapper json;
    private final Clock clock;
    /** The feed's one thread (not a bean: a ScheduledExecutorService bean would become everyone's scheduler). */
    private volatile ScheduledExecutorService scheduler;

    private final long intervalMillis;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean changePending = new AtomicBoolean();

    DashboardFeed(
            DashboardStreams streams,
            QueueService queues,
            QueueStatistics queueStatistics,
            AgentDirectory agents,
            AgentStatistics agentStatistics,
            ObjectMapper json,
            Clock clock,
            long intervalMillis) {
        this.streams = streams;
        this.queues = queues;
        this.queueStatistics = queueStatistics;
        this.agents = agents;
        this.agentStatistics = agentStatistics;
        this.json = json;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    /** Opens a stream and sends it the current statistics at once. */
    SseEmitter open() {
        SseEmitter emitter = streams.open();
        long id = sequence.incrementAndGet();
        try {
            if (streams.send(emitter, id, serialize(snapshot(id, "open")))) {
                streams.activate(emitter);
            }
        } catch (RuntimeException e) {
            // The stream never started: its callbacks would not run, so it is dropped here.
            streams.forget(emitter);
            throw e;
        }
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void acdChanged(AcdEvent event) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void agentChanged(AgentStateChanged event) {
        changed();
    }

    /** Asks for one push soon; any number of changes before it runs make one push. */
    void changed() {
        ScheduledExecutorService running = scheduler;
        if (running != null && streams.count() > 0 && changePending.compareAndSet(false, true)) {
            try {
                running.execute(() -> push("change"));
            } catch (RejectedExecutionException e) {
                changePending.set(false);
            }
        }
    }

    private void push(String trigger) {
        if ("change".equals(trigger)) {
            changePending.set(false);
        }
        if (streams.count() == 0) {
            return;
        }
        try {
            long id = sequence.incrementAndGet();
            streams.sendAll(id, serialize(snapshot(id, trigger)));
        } catch (RuntimeException e) {
            // The next change or interval tries again; a failing database must not end the periodic push.
            log.warn("could not send the dashboard statistics: {}", e.toString());
        }
    }

    DashboardSnapshot snapshot(long id, String trigger) {
        List<QueueStatistics.Snapshot> queueSnapshots =
                queues.all().stream().map(queueStatistics::of).toList();
        List<AgentStatistics.Snapshot> agentSnapshots =
                agents.all().stream().map(agentStatistics::of).toList();
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            byState.put(state, 0);
        }
        agentSnapshots.forEach(agent -> byState.merge(agent.state(), 1, Integer::sum));
        return new DashboardSnapshot(id, trigger, clock.instant(), queueSnapshots, agentSnapshots, byState);
    }

    private String serialize(DashboardSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard snapshot not serializable", e);
        }
    }

    int openStreams() {
        return streams.count();
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dashboard-feed");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(() -> push("interval"), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
        streams.completeAll();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
