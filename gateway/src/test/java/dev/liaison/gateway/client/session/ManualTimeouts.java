package dev.liaison.gateway.client.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link Timeouts} whose clock moves only when the test says so. */
final class ManualTimeouts implements Timeouts {

    private final List<Entry> entries = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(now.plus(delay), task);
        entries.add(entry);
        return () -> {
            synchronized (ManualTimeouts.this) {
                entries.remove(entry);
            }
        };
    }

    /** Move time forward and run what fell due, in order. */
    void advance(Duration by) {
        List<Entry> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(by);
            for (Entry entry : List.copyOf(entries)) {
                if (entry.at().compareTo(now) <= 0) {
                    due.add(entry);
                    entries.remove(entry);
                }
            }
        }
        due.forEach(entry -> entry.task().run());
    }

    synchronized int pending() {
        return entries.size();
    }

    private record Entry(Duration at, Runnable task) {}
}
