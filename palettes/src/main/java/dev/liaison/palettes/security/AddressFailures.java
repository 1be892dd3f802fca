package dev.liaison.palettes.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins per client address on this node, in fixed windows that start at an address's first failure: an
 * address that failed {@code addressMaxFailures} times may not try again until its window ends. It covers what the
 * per-user lockout cannot: guesses at names no user has, and one password tried against many users. At most
 * {@code addressesTracked} addresses are remembered, the least recently failing forgotten first.
 */
final class AddressFailures {

    private final SecurityProperties.SignIn limits;
    private final Map<String, Window> windows;

    private static final class Window {
        final Instant start;
        int failures;

        Window(Instant start) {
            this.start = start;
        }
    }

    AddressFailures(SecurityProperties.SignIn limits) {
        this.limits = limits;
        int tracked = limits.addressesTracked();
        this.windows = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > tracked;
            }
        };
    }

    synchronized void failed(String address, Instant now) {
        Window window = windows.get(address);
        if (window == null || ended(window, now)) {
            window = new Window(now);
            windows.put(address, window);
        }
        window.failures++;
    }

    /** How long {@code address} must wait before it may try to sign in again; empty when it may now. */
    synchronized Optional<Duration> blockedFor(String address, Instant now) {
        Window window = windows.get(address);
        if (window == null) {
            return Optional.empty();
        }
        if (ended(window, now)) {
            windows.remove(address);
            return Optional.empty();
        }
        if (window.failures < limits.addressMaxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start.plus(limits.addressWindow())));
    }

    synchronized int tracked() {
        return windows.size();
    }

    private boolean ended(Window window, Instant now) {
        return !now.isBefore(window.start.plus(limits.addressWindow()));
    }
}
