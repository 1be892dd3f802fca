package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.palettes.PalettesTestApplication;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.context.ResolveRequest;
import dev.liaison.testsupport.postgres.TestDatabase;
import dev.liaison.testsupport.postgres.TestPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * How fast one node routes, on the embedded PostgreSQL: 1,000 agents with 3 of 50 skills each, 50 queues (one per
 * skill), 10,000 contacts. Not a test: the name keeps it out of the normal run; {@code ./mvnw -B -pl palettes -am
 * -Pbenchmark verify} runs it (without coverage instrumentation) and prints the figures. docs/benchmarks.md has the
 * method and the results.
 *
 * <ul>
 *   <li><b>Contacts routed per second.</b> 10,000 contacts wait, spread over the 50 queues; then all 1,000 agents
 *       become available. Routing passes run back to back ({@link Router#routeOnce}, the routing loop is off) until
 *       every contact was offered; between passes the agents accept and end what they were offered, so that they are
 *       free again. The figure is offers divided by the time spent inside routing passes.
 *   <li><b>Enqueue-to-offer latency.</b> The routing loop runs as in production; contacts arrive at a steady rate
 *       while agents are available, agents accept every offer at once and end it a little later. Latency is from the
 *       start of the {@link TaskService#enqueue} call to the moment the transaction holding the offer committed
 *       (an after-commit listener of {@link AcdEvent.TaskOffered}).
 * </ul>
 */
class AcdRoutingBenchmark {

    private static final int AGENTS = 1_000;
    private static final int SKILLS = 50;
    private static final int SKILLS_PER_AGENT = 3;
    private static final int CONTACTS = Integer.getInteger("benchmark.contacts", 10_000);
    private static final int LATENCY_WARM_UP = 500;
    private static final int LATENCY_CONTACTS = Integer.getInteger("benchmark.latency.contacts", 3_000);
    private static final int LATENCY_RATE = Integer.getInteger("benchmark.latency.rate", 50);
    private static final long HANDLE_MILLIS = 2_000;
    private static final int SETUP_THREADS = 4;
    private static final int DESKTOP_THREADS = 4;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        pools.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void contactsRoutedPerSecond() throws Exception {
        ConfigurableApplicationContext node = node(false);
        List<Agent> agents = population(node);
        List<UUID> interactions = interactions(node, CONTACTS);
        TaskService tasks = node.getBean(TaskService.class);
        parallel(
                CONTACTS,
                i -> tasks.enqueue(
                        new NewTask(interactions.get(i), "voice", queueName(i % SKILLS), null, 0, Map.of())));
        AgentStateService states = node.getBean(AgentStateService.class);
        parallel(AGENTS, i -> states.goAvailable(agents.get(i).getId()));

        Router router = node.getBean(Router.class);
        ReservationService reservations = node.getBean(ReservationService.class);
        OfferClock offers = node.getBean(OfferClock.class);
        List<AcdEvent.TaskOffered> made = new ArrayList<>();
        offers.then(made::add);
        List<Long> passNanos = new ArrayList<>();
        List<Integer> passOffers = new ArrayList<>();
        long routingNanos = 0;
        long routingCpuNanos = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        int offered = 0;
        while (true) {
            long passStart = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            int count = router.routeOnce();
            long pass = System.nanoTime() - passStart;
            routingNanos += pass;
            routingCpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
            if (count == 0) {
                break;
            }
            passNanos.add(pass);
            passOffers.add(count);
            offered += count;
            List<AcdEvent.TaskOffered> batch = List.copyOf(made);
            made.clear();
            parallel(batch.size(), i -> {
                reservations.accept(batch.get(i).reservationId(), batch.get(i).agentId());
                return tasks.end(batch.get(i).taskId(), "agent:" + batch.get(i).agentLogin());
            });
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double routing = routingNanos / 1e9;
        assertThat(offered).isEqualTo(CONTACTS);
        // The first pass also pays for loading and compiling the routing code: the rate without it is reported apart,
        // labelled, and never instead of the figure over every pass.
        double warmRouting = (routingNanos - passNanos.get(0)) / 1e9;
        int warmOffered = offered - passOffers.get(0);
        report(roundTrip(node));
        report(String.format(
                "throughput: %d contacts offered in %d passes; %.2f s inside routing passes (%.2f s of it on the"
                        + " routing thread's CPU, the rest waiting for PostgreSQL or a core) = %.0f contacts routed/s;"
                        + " offers per pass %s; pass times ms %s; with accept and end between passes %.1f s wall"
                        + " = %.0f contacts/s",
                offered,
                passNanos.size(),
                routing,
                routingCpuNanos / 1e9,
                offered / routing,
                passOffers,
                passNanos.stream().map(nanos -> nanos / 1_000_000).toList(),
                wall,
                offered / wall));
        report(String.format(
                "throughput, JIT-warm (passes 2 to %d only, the first pass left out): %d contacts in %.2f s inside"
                        + " routing passes = %.0f contacts routed/s",
                passNanos.size(), warmOffered, warmRouting, warmOffered / warmRouting));
    }

    @Test
    void enqueueToOfferLatency() throws Exception {
        ConfigurableApplicationContext node = node(true);
        List<Agent> agents = population(node);
        int total = LATENCY_WARM_UP + LATENCY_CONTACTS;
        List<UUID> interactions = interactions(node, total);
        AgentStateService states = node.getBean(AgentStateService.class);
        parallel(AGENTS, i -> states.goAvailable(agents.get(i).getId()));

        TaskService tasks = node.getBean(TaskService.class);
        ReservationService reservations = node.getBean(ReservationService.class);
        OfferClock offers = node.getBean(OfferClock.class);
        ScheduledExecutorService desktops = Executors.newScheduledThreadPool(DESKTOP_THREADS);
        pools.add(desktops);
        CountDownLatch allOffered = new CountDownLatch(total);
        AtomicInteger failures = new AtomicInteger();
        offers.then(offer -> {
            allOffered.countDown();
            desktops.execute(() -> {
                try {
                    reservations.accept(offer.reservationId(), offer.agentId());
                    desktops.schedule(
                            () -> tasks.end(offer.taskId(), "agent:" + offer.agentLogin()),
                            HANDLE_MILLIS,
                            TimeUnit.MILLISECONDS);
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            });
        });

        Map<UUID, Long> enqueuedAt = new ConcurrentHashMap<>();
        long[] enqueueMicros = new long[LATENCY_CONTACTS];
        long period = TimeUnit.SECONDS.toNanos(1) / LATENCY_RATE;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long ahead = due - System.nanoTime();
            if (ahead > 0) {
                LockSupport.parkNanos(ahead);
            }
            UUID interaction = interactions.get(i);
            long called = System.nanoTime();
            enqueuedAt.put(interaction, called);
            tasks.enqueue(new NewTask(interaction, "voice", queueName(i % SKILLS), null, 0, Map.of()));
            if (i >= LATENCY_WARM_UP) {
                enqueueMicros[i - LATENCY_WARM_UP] = (System.nanoTime() - called) / 1_000;
            }
        }
        double arrivalSeconds = (System.nanoTime() - start) / 1e9;
        allOffered.await(2, TimeUnit.MINUTES);

        // A contact still without an offer counts as waiting until now.
        long now = System.nanoTime();
        int unoffered = 0;
        long[] micros = new long[LATENCY_CONTACTS];
        for (int i = 0; i < LATENCY_CONTACTS; i++) {
            UUID interaction = interactions.get(LATENCY_WARM_UP + i);
            Long offeredAt = offers.offeredAt(interaction);
            unoffered += offeredAt == null ? 1 : 0;
            micros[i] = ((offeredAt == null ? now : offeredAt) - enqueuedAt.get(interaction)) / 1_000;
        }
        Arrays.sort(micros);
        Arrays.sort(enqueueMicros);
        report(roundTrip(node));
        report(String.format(
                "latency: %d contacts (after %d warm-up) at %d/s (achieved %.0f/s), enqueue call to committed offer:"
                        + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (the enqueue call alone: p50 %.1f ms,"
                        + " p99 %.1f ms); %d not offered after 2 min; %d accept failures",
                LATENCY_CONTACTS,
                LATENCY_WARM_UP,
                LATENCY_RATE,
                total / arrivalSeconds,
                percentile(micros, 0.50) / 1000.0,
                percentile(micros, 0.90) / 1000.0,
                percentile(micros, 0.99) / 1000.0,
                micros[micros.length - 1] / 1000.0,
                percentile(enqueueMicros, 0.50) / 1000.0,
                percentile(enqueueMicros, 0.99) / 1000.0,
                unoffered,
                failures.get()));
    }

    /** 50 skills with a queue each, 1,000 agents (signed out) with 3 skills each, every skill held by 60 agents. */
    private List<Agent> population(ConfigurableApplicationContext node) throws Exception {
        AgentDirectory directory = node.getBean(AgentDirectory.class);
        QueueService queues = node.getBean(QueueService.class);
        AcdProperties properties = node.getBean(AcdProperties.class);
        for (int s = 0; s < SKILLS; s++) {
            directory.createSkill(skillName(s), null);
            queues.create(new QueueSpec(queueName(s), null, "skills HAS '" + skillName(s) + "'", 600, 0, 20));
        }
        return parallel(AGENTS, i -> {
            Map<String, Integer> skills = new HashMap<>();
            for (int k = 0; k < SKILLS_PER_AGENT; k++) {
                skills.put(skillName((i + k * 17) % SKILLS), 1 + (i + k) % 10);
            }
            return directory.create(
                    new AgentSpec(
                            "agent" + i,
                            "Agent " + i,
                            skills,
                            null,
                            Map.of("languages", List.of("en"), "team", i % 20)),
                    properties.defaultCapacity());
        });
    }

    private List<UUID> interactions(ConfigurableApplicationContext node, int count) throws Exception {
        CorrelationService correlations = node.getBean(CorrelationService.class);
        return parallel(count, i -> correlations
                .resolve(new ResolveRequest(null, null, Channel.VOICE))
                .interaction()
                .correlationId());
    }

    /** Runs {@code work(0..count-1)} on a few threads; returns the results in order. */
    private <T> List<T> parallel(int count, IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> work.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private ConfigurableApplicationContext node(boolean routingLoop) {
        TestDatabase database = TestPostgres.newDatabase();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        PalettesTestApplication.class, OfferClock.class)
                .properties(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "server.port=0",
                        "liaison.test.clock=system",
                        "liaison.acd.loop-enabled=" + routingLoop)
                .run();
        nodes.add(context);
        return context;
    }

    private static String skillName(int index) {
        return String.format("skill%02d", index);
    }

    private static String queueName(int index) {
        return "queue-" + skillName(index);
    }

    private static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** How long one trivial statement takes right now: the floor under every figure, and a gauge of the machine. */
    private static String roundTrip(ConfigurableApplicationContext node) {
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        long[] micros = new long[2_000];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            jdbc.queryForObject("SELECT 1", Integer.class);
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        return String.format(
                "database round trip (SELECT 1) p50 %d us, p99 %d us",
                percentile(micros, 0.5), percentile(micros, 0.99));
    }

    private static void report(String line) {
        System.out.println("[acd-routing-benchmark] " + line);
    }

    /** When each contact's offer committed, and what to do with the offer then. */
    static class OfferClock {

        private final Map<UUID, Long> offeredAt = new ConcurrentHashMap<>();
        private volatile Consumer<AcdEvent.TaskOffered> then = offer -> {};

        void then(Consumer<AcdEvent.TaskOffered> action) {
            then = action;
        }

        Long offeredAt(UUID correlationId) {
            return offeredAt.get(correlationId);
        }

        @TransactionalEventListener
        void offered(AcdEvent.TaskOffered offer) {
            offeredAt.putIfAbsent(offer.correlationId(), System.nanoTime());
            then.accept(offer);
        }
    }
}
