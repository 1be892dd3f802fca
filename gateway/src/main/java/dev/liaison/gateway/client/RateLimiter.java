package dev.liaison.gateway.client;

import java.time.Clock;

/**
 * A token bucket: {@code perSecond} messages a second sustained, bursts up to twice that. One per connection, used from
 * the connection's (serial) receive path.
 */
public final class RateLimiter {

    private final Clock clock;
    private final double perMilli;
    private final double capacity;
    private double tokens;
    private long lastMillis;

    public RateLimiter(int perSecond, Clock clock) {
        this.clock = clock;
        this.perMilli = perSecond / 1000.0;
        this.capacity = 2.0 * perSecond;
        this.tokens = capacity;
        this.lastMillis = clock.millis();
    }

    public synchronized boolean tryAcquire() {
        long now = clock.millis();
        tokens = Math.min(capacity, tokens + Math.max(0, now - lastMillis) * perMilli);
        lastMillis = now;
        if (tokens < 1.0) {
            return false;
        }
        tokens -= 1.0;
        return true;
    }
}
