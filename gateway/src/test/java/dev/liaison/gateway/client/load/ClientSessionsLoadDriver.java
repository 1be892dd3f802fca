package dev.liaison.gateway.client.load;

import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.client.token.TokenKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load driver of the "concurrent client sessions per core" benchmark (target: 5,000 per core). Run by
 * {@code scripts/bench-gateway-sessions}, which starts the server ({@code GatewayBenchApplication}) as another process
 * and passes its PID, so that the server's CPU and memory are measured apart from the driver's.
 *
 * <p>Phases, each bounded in time:
 *
 * <ol>
 *   <li><b>Ramp</b>: opens {@code sessions} WebSockets with at most {@code handshakes} in progress at once; each one
 *       authenticates with its own token (minted with the server's secret, so the sessions-per-token limit does not
 *       apply) and starts a session: that is the real client protocol, including the JSON Schema check of every
 *       message. A session counts as established when its {@code session} message arrives; the time from opening the
 *       socket to it is the establishment latency.
 *   <li><b>Hold</b>: for {@code hold-seconds}, every session sends a {@code ping} every {@code ping-seconds}, spread
 *       evenly over the interval (a browser's keep-alive); the time to its {@code pong} is the round-trip latency
 *       under load. The server's CPU time is read from {@code /proc/<pid>/stat} at the start and end.
 *   <li><b>Close</b>: every session sends {@code end-session} and closes its socket.
 * </ol>
 *
 * <p>Prints a summary table and writes the figures as {@code key=value} lines to {@code results-file}.
 *
 * <pre>
 * ClientSessionsLoadDriver ws-url stats-url token-secret sessions ping-seconds hold-seconds server-pid results-file
 *     [handshakes]
 * </pre>
 */
public final class ClientSessionsLoadDriver {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux x86-64

    private ClientSessionsLoadDriver() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 8) {
            System.err.println("usage: ClientSessionsLoadDriver <ws-url> <stats-url> <token-secret> <sessions>"
                    + " <ping-seconds> <hold-seconds> <server-pid> <results-file> [handshakes]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        URI stats = URI.create(args[1]);
        ClientTokenIssuer issuer =
                new ClientTokenIssuer(TokenKey.fromConfiguration(Optional.of(args[2])), "liaison", Clock.systemUTC());
        int sessions = Integer.parseInt(args[3]);
        int pingSeconds = Integer.parseInt(args[4]);
        int holdSeconds = Integer.parseInt(args[5]);
        long serverPid = Long.parseLong(args[6]);
        Path resultsFile = Path.of(args[7]);
        int handshakes = args.length > 8 ? Integer.parseInt(args[8]) : 200;
        Results results = new Results();

        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(HttpClient.newBuilder()
                    .executor(callbacks)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build());
        }
        HttpClient statsClient = HttpClient.newHttpClient();

        // Ramp.
        Semaphore inFlight = new Semaphore(handshakes);
        Counters counters = new Counters();
        List<LoadSession> all = new ArrayList<>(sessions);
        long rampCpu0 = cpuTicks(serverPid);
        long rampStart = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            String token = issuer.issue("load-" + i, "load", Set.of("support"), Set.of(), Duration.ofHours(2));
            if (!inFlight.tryAcquire(60, TimeUnit.SECONDS)) {
                System.err.println("ramp stalled: no handshake finished in 60 s");
                break;
            }
            LoadSession session = new LoadSession(i, token, counters, inFlight::release);
            all.add(session);
            session.open(clients.get(i % clients.size()), uri);
        }
        inFlight.tryAcquire(handshakes, 60, TimeUnit.SECONDS);
        inFlight.release(handshakes);
        double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
        long rampCpu1 = cpuTicks(serverPid);
        int established = counters.established.get();
        results.put("sessions_asked", sessions);
        results.put("sessions_established", established);
        results.put("establish_failures", counters.failed.get());
        results.put("ramp_seconds", rampSeconds);
        results.put("establish_rate_per_s", established / rampSeconds);
        results.put("ramp_server_cpu_seconds", (rampCpu1 - rampCpu0) / (double) CLOCK_TICKS_PER_SECOND);
        results.put("ramp_server_cores", (rampCpu1 - rampCpu0) / (double) CLOCK_TICKS_PER_SECOND / rampSeconds);
        results.put(
                "server_cpu_ms_per_establishment",
                established == 0 ? 0 : (rampCpu1 - rampCpu0) * 1000.0 / CLOCK_TICKS_PER_SECOND / established);
        long[] establishLatencies = counters.establishNanos.snapshot();
        results.putLatency("establish", establishLatencies);
        results.put("server_sessions_after_ramp", statField(statsClient, stats, false, "sessions"));

        // Hold, pinging.
        List<LoadSession> live = all.stream().filter(LoadSession::isEstablished).toList();
        int slots = pingSeconds * 10;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong tick = new AtomicLong();
        ticker.scheduleAtFixedRate(
                () -> {
                    int slot = (int) (tick.getAndIncrement() % slots);
                    for (int i = slot; i < live.size(); i += slots) {
                        live.get(i).ping();
                    }
                },
                100,
                100,
                TimeUnit.MILLISECONDS);
        long holdCpu0 = cpuTicks(serverPid);
        long holdStart = System.nanoTime();
        long holdEnd = holdStart + TimeUnit.SECONDS.toNanos(holdSeconds);
        while (System.nanoTime() < holdEnd) {
            Thread.sleep(Math.min(10_000, Math.max(1, (holdEnd - System.nanoTime()) / 1_000_000)));
            System.out.printf(
                    Locale.ROOT,
                    "  hold: %d sessions open, %d pongs, %d ping failures, %d closed by server%n",
                    live.stream().filter(LoadSession::isOpen).count(),
                    counters.pongs.get(),
                    counters.pingFailures.get(),
                    counters.closedByServer.get());
        }
        ticker.shutdownNow();
        double holdWall = (System.nanoTime() - holdStart) / 1e9;
        long holdCpu1 = cpuTicks(serverPid);
        double holdCores = (holdCpu1 - holdCpu0) / (double) CLOCK_TICKS_PER_SECOND / holdWall;
        long open = live.stream().filter(LoadSession::isOpen).count();
        results.put("hold_seconds", holdWall);
        results.put("ping_interval_seconds", pingSeconds);
        results.put("sessions_open_at_end", open);
        results.put("server_sessions_at_end", statField(statsClient, stats, false, "sessions"));
        results.put("pings_sent", counters.pings.get());
        results.put("pongs_received", counters.pongs.get());
        results.put("ping_failures", counters.pingFailures.get());
        results.put("closed_by_server", counters.closedByServer.get());
        results.put("hold_server_cpu_seconds", (holdCpu1 - holdCpu0) / (double) CLOCK_TICKS_PER_SECOND);
        results.put("hold_server_cores", holdCores);
        results.put("sessions_per_server_core_at_hold_load", holdCores <= 0 ? 0 : open / holdCores);
        results.putLatency("ping_rtt", counters.rttNanos.snapshot());
        results.put("server_rss_mib", rssKib(serverPid) / 1024.0);
        results.put("server_threads", statField(statsClient, stats, false, "threads"));
        results.put("server_heap_used_after_gc_mib", statField(statsClient, stats, true, "heapUsedBytes") / 1048576.0);
        results.put(
                "server_heap_committed_mib", statField(statsClient, stats, false, "heapCommittedBytes") / 1048576.0);
        results.put("driver_cpu_seconds", cpuTicks(ProcessHandle.current().pid()) / (double) CLOCK_TICKS_PER_SECOND);

        // Close.
        for (LoadSession session : all) {
            session.close();
        }
        callbacks.shutdown();
        results.print();
        results.write(resultsFile);
        System.exit(0);
    }

    /** utime + stime of a process, in clock ticks, from {@code /proc/<pid>/stat}. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long statField(HttpClient client, URI stats, boolean gc, String field) {
        try {
            URI uri = gc ? URI.create(stats + "?gc=true") : stats;
            String body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            int at = body.indexOf("\"" + field + "\":");
            String rest = body.substring(at + field.length() + 3);
            return Long.parseLong(rest.split("[,}]")[0].trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** What all sessions count together. */
    static final class Counters {
        final AtomicInteger established = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger closedByServer = new AtomicInteger();
        final AtomicLong pings = new AtomicLong();
        final AtomicLong pongs = new AtomicLong();
        final AtomicLong pingFailures = new AtomicLong();
        final LatencyRecorder establishNanos = new LatencyRecorder();
        final LatencyRecorder rttNanos = new LatencyRecorder();
    }

    /** Latencies in nanoseconds, appended from many threads; bounded by the number of sessions and pings. */
    static final class LatencyRecorder {
        private long[] values = new long[1024];
        private int size;

        synchronized void record(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] snapshot() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    /** The figures of a run, in order, printed as a table and written as key=value lines. */
    static final class Results {
        private final List<String[]> rows = new ArrayList<>();

        void put(String key, double value) {
            rows.add(new String[] {key, String.format(Locale.ROOT, "%.2f", value)});
        }

        void put(String key, long value) {
            rows.add(new String[] {key, Long.toString(value)});
        }

        void putLatency(String name, long[] sorted) {
            put(name + "_count", sorted.length);
            put(name + "_p50_ms", percentile(sorted, 0.50));
            put(name + "_p99_ms", percentile(sorted, 0.99));
            put(name + "_max_ms", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        private static double percentile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        void print() {
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            for (String[] row : rows) {
                System.out.println("| " + row[0] + " | " + row[1] + " |");
            }
        }

        void write(Path file) throws IOException {
            StringBuilder text = new StringBuilder();
            for (String[] row : rows) {
                text.append(row[0]).append('=').append(row[1]).append('\n');
            }
            Files.writeString(file, text);
        }
    }
}
