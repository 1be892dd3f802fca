package dev.liaison.gateway.call;

import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.LegMediaStatistics;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaException;
import dev.liaison.gateway.media.MediaStatistics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the network quality of answered calls as the media broker measures it: every report interval it reads the
 * counters of the call's two broker legs ({@link MediaBridge#statistics()}), gives them to each leg
 * ({@link CallLeg#reportMediaQuality}: a client leg sends its browser a {@code quality} message with
 * {@code source: "broker"}), and records them in meters tagged by the kind of leg ({@code client}, {@code sip},
 * {@code sip-ws}, {@code origin}):
 *
 * <ul>
 *   <li>{@code liaison.gateway.calls.media.packets.received{leg}}, {@code ...packets.sent{leg}}: RTP packets the
 *       broker received from and sent to that kind of peer
 *   <li>{@code liaison.gateway.calls.media.packets.lost{leg}}: packets of the peers' streams lost on the way
 *   <li>{@code liaison.gateway.calls.media.jitter{leg}}, {@code ...round-trip{leg}}: distributions in milliseconds,
 *       one sample per leg and report where known
 *   <li>{@code liaison.gateway.calls.media.reports{outcome}}: reports read ({@code read}) or not ({@code failed})
 * </ul>
 *
 * Calls are watched from their answer ({@link #watch}) to their end ({@link #forget}); the reports run on the
 * gateway's call scheduler, outside the call's lock. Thread-safe.
 */
public final class QualityReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QualityReporter.class);

    /** What one report needs of a call: its bridge and its two legs now. */
    record Target(MediaBridge bridge, CallLeg a, CallLeg b) {
        CallLeg leg(BridgeSide side) {
            return side == BridgeSide.A ? a : b;
        }
    }

    /** A watched call: its timer and the counters of the last report, to count what changed since. */
    private static final class Watched {
        final Call call;
        final Map<BridgeSide, LegMediaStatistics> last = new EnumMap<>(BridgeSide.class);
        ScheduledFuture<?> timer;

        Watched(Call call) {
            this.call = call;
        }
    }

    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private final MeterRegistry meters;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Counter read;
    private final Counter failed;

    public QualityReporter(QualityProperties properties, ScheduledExecutorService scheduler, MeterRegistry meters) {
        this.interval = properties.reportInterval();
        this.scheduler = scheduler;
        this.meters = meters;
        this.read = Counter.builder("liaison.gateway.calls.media.reports")
                .description("Media-quality reports of answered calls, by outcome")
                .tag("outcome", "read")
                .register(meters);
        this.failed = Counter.builder("liaison.gateway.calls.media.reports")
                .description("Media-quality reports of answered calls, by outcome")
                .tag("outcome", "failed")
                .register(meters);
    }

    /** Starts reporting on an answered call, every interval from now. A call watched already is left as it is. */
    void watch(Call call) {
        Watched entry = new Watched(call);
        if (watched.putIfAbsent(call.id(), entry) != null) {
            return;
        }
        try {
            ScheduledFuture<?> timer = scheduler.scheduleAtFixedRate(
                    () -> reportSafely(entry), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (entry) {
                entry.timer = timer;
            }
        } catch (RejectedExecutionException e) {
            watched.remove(call.id(), entry);
            log.debug("Call {}: no quality reports, the scheduler is stopping", call.id());
        }
        if (watched.get(call.id()) != entry) {
            cancel(entry); // forgotten while being scheduled
        }
    }

    /** Stops reporting on a call (it ended). Idempotent. */
    void forget(Call call) {
        Watched entry = watched.remove(call.id());
        if (entry != null) {
            cancel(entry);
        }
    }

    /** Calls reported on now (for operations and no-leak assertions). */
    public int watching() {
        return watched.size();
    }

    /** One report on a call now, whatever the interval (what each tick does; tests call it directly). */
    void reportNow(Call call) {
        Watched entry = watched.get(call.id());
        report(entry == null ? new Watched(call) : entry);
    }

    @Override
    public void close() {
        watched.values().forEach(QualityReporter::cancel);
        watched.clear();
    }

    private static void cancel(Watched entry) {
        synchronized (entry) {
            if (entry.timer != null) {
                entry.timer.cancel(false);
            }
        }
    }

    private void reportSafely(Watched entry) {
        try {
            report(entry);
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: count, log, and try at the next interval
            failed.increment();
            log.warn("Call {}: media-quality report failed", entry.call.id(), e);
        }
    }

    private void report(Watched entry) {
        Target target = entry.call.qualityTarget();
        if (target == null) {
            return;
        }
        Optional<MediaStatistics> statistics;
        try {
            statistics = target.bridge().statistics();
        } catch (MediaException e) {
            failed.increment();
            log.debug("Call {}: no media statistics: {}", entry.call.id(), e.getMessage());
            return;
        }
        if (statistics.isEmpty()) {
            return;
        }
        read.increment();
        MediaStatistics stats = statistics.get();
        for (BridgeSide side : BridgeSide.values()) {
            record(entry, side, target.leg(side).kind(), stats.side(side));
        }
        for (BridgeSide side : BridgeSide.values()) {
            CallLeg peer = target.leg(side.other());
            target.leg(side).reportMediaQuality(stats.side(side), peer.kind(), stats.side(side.other()));
        }
    }

    private void record(Watched entry, BridgeSide side, LegKind kind, LegMediaStatistics now) {
        LegMediaStatistics before;
        synchronized (entry) {
            before = entry.last.put(side, now);
        }
        String leg = tag(kind);
        increment(
                "liaison.gateway.calls.media.packets.received",
                "RTP packets the broker received, by kind of peer",
                leg,
                delta(before == null ? 0 : before.packetsReceived(), now.packetsReceived()));
        increment(
                "liaison.gateway.calls.media.packets.sent",
                "RTP packets the broker sent, by kind of peer",
                leg,
                delta(before == null ? 0 : before.packetsSent(), now.packetsSent()));
        if (now.packetsLost() >= 0) {
            long previous = before == null || before.packetsLost() < 0 ? 0 : before.packetsLost();
            increment(
                    "liaison.gateway.calls.media.packets.lost",
                    "Packets of the peers' streams lost, by kind of peer",
                    leg,
                    delta(previous, now.packetsLost()));
        }
        if (now.jitterMs() >= 0) {
            summary("liaison.gateway.calls.media.jitter", "Interarrival jitter of the peers' streams", leg)
                    .record(now.jitterMs());
        }
        if (now.rttMs() >= 0) {
            summary("liaison.gateway.calls.media.round-trip", "Round-trip time to the peers", leg)
                    .record(now.rttMs());
        }
    }

    /** What a cumulative counter grew by; a counter that went back (a new leg on a transfer) counts from zero. */
    private static long delta(long before, long now) {
        return now >= before ? now - before : Math.max(0, now);
    }

    private void increment(String name, String description, String leg, long amount) {
        Counter counter =
                Counter.builder(name).description(description).tag("leg", leg).register(meters);
        if (amount > 0) {
            counter.increment(amount);
        }
    }

    private DistributionSummary summary(String name, String description, String leg) {
        return DistributionSummary.builder(name)
                .description(description)
                .baseUnit("milliseconds")
                .tag("leg", leg)
                .publishPercentileHistogram()
                .register(meters);
    }

    static String tag(LegKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
