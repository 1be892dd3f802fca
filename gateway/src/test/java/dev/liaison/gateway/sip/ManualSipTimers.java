package dev.liaison.gateway.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Session, registration and transfer timers for tests: nothing runs until {@link #advance} moves the manual time
 * forward, then every task due by then runs on the caller's thread, in due order.
 */
final class ManualSipTimers implements SipTimers {

    private final class Task implements SipTimers.Timer {
        final Duration due;
        final Runnable work;
        boolean cancelled;

        Task(Duration due, Runnable work) {
            this.due = due;
            this.work = work;
        }

        @Override
        public void cancel() {
            synchronized (ManualSipTimers.this) {
                cancelled = true;
            }
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now.plus(delay), task);
        tasks.add(scheduled);
        return scheduled;
    }

    /** Moves time forward by {@code step}, running each task that falls due on the way. */
    void advance(Duration step) {
        Duration target;
        synchronized (this) {
            target = now.plus(step);
        }
        while (true) {
            Task next;
            synchronized (this) {
                Optional<Task> due = tasks.stream()
                        .filter(t -> !t.cancelled && t.due.compareTo(target) <= 0)
                        .min(Comparator.comparing(t -> t.due));
                if (due.isEmpty()) {
                    now = target;
                    tasks.removeIf(t -> t.cancelled);
                    return;
                }
                next = due.get();
                tasks.remove(next);
                now = next.due;
            }
            next.work.run();
        }
    }

    /** How long until the next task is due; empty when none is scheduled. */
    synchronized Optional<Duration> nextDue() {
        return tasks.stream()
                .filter(t -> !t.cancelled)
                .map(t -> t.due.minus(now))
                .min(Comparator.naturalOrder());
    }
}
