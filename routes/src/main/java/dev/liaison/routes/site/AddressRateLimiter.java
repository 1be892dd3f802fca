package dev.liaison.routes.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts requests per remote address in fixed one-minute windows. Remembers at most {@code trackedAddresses}
 * addresses: when full, the address whose window started first is forgotten (it starts afresh if it comes back), so
 * memory stays bounded under a flood of addresses.
 */
final class AddressRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perWindow;
    private final Clock clock;
    private final Map<String, Window> windows;

    AddressRateLimiter(int perWindow, int trackedAddresses, Clock clock) {
        if (perWindow < 1 || trackedAddresses < 1) {
            throw new IllegalArgumentException("perWindow and trackedAddresses must be positive");
        }
        this.perWindow = perWindow;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windows = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > trackedAddresses;
            }
        };
    }

    /**
     * Counts one request from {@code address}: empty when it is admitted, else how long until its window ends (for
     * {@code Retry-After}).
     */
    synchronized Optional<Duration> acquire(String address) {
        Instant now = clock.instant();
        Window window = windows.get(address);
        if (window == null || !now.isBefore(window.start.plus(WINDOW))) {
            // A new window goes to the end of the insertion order, so the eldest entry is the oldest window.
            windows.remove(address);
            windows.put(address, new Window(now, 1));
            return Optional.empty();
        }
        if (window.count >= perWindow) {
            Duration left = Duration.between(now, window.start.plus(WINDOW));
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        }
        window.count++;
        return Optional.empty();
    }

    /** How many addresses are remembered now. */
    synchronized int trackedAddresses() {
        return windows.size();
    }

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start, int count) {
            this.start = start;
            this.count = count;
        }
    }
}
