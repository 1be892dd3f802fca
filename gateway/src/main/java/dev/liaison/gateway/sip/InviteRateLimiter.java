package dev.liaison.gateway.sip;

import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per source address for new INVITEs: {@code perSecond} tokens a second, bursts up to the same number.
 * The table is bounded: when it holds too many sources it is cleared (every source starts with a full bucket again),
 * which errs on accepting rather than on growing without bound.
 */
final class InviteRateLimiter {

    static final int MAX_SOURCES = 10_000;

    private final int perSecond;
    private final Clock clock;
    private final ConcurrentMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

    InviteRateLimiter(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Takes one token for {@code source}; false when its bucket is empty. */
    boolean tryAcquire(InetAddress source) {
        if (buckets.size() >= MAX_SOURCES) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(source, s -> new Bucket(perSecond, clock.millis()));
        return bucket.take(perSecond, clock.millis());
    }

    private static final class Bucket {
        private double tokens;
        private long lastMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastMillis = now;
        }

        synchronized boolean take(int perSecond, long now) {
            tokens = Math.min(perSecond, tokens + (now - lastMillis) * perSecond / 1000.0);
            lastMillis = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
