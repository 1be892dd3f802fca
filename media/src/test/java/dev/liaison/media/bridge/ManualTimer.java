package dev.liaison.media.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A DTMF timer the test moves: tasks wait until {@link #runAll()} or {@link #runNext()} runs them in due order, moving
 * the test clock to each task's time. Records the delay of every task asked for.
 */
final class ManualTimer implements DtmfTimer {
    private final TestClock clock;
    private final List<Task> tasks = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();
    private long now;

    private final class Task implements Scheduled {
        final long due;
        final Runnable run;
        boolean cancelled;

        Task(long due, Runnable run) {
            this.due = due;
            this.run = run;
        }

        @Override
        public void cancel() {
            synchronized (ManualTimer.this) {
                cancelled = true;
                tasks.remove(this);
            }
        }
    }

    ManualTimer(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Scheduled after(long delayMillis, Runnable task) {
        delays.add(delayMillis);
        Task t = new Task(now + delayMillis, task);
        tasks.add(t);
        return t;
    }

    /** Runs the earliest task; false when none waits. */
    boolean runNext() {
        Task next;
        synchronized (this) {
            next = tasks.stream().min(Comparator.comparingLong(t -> t.due)).orElse(null);
            if (next == null) {
                return false;
            }
            tasks.remove(next);
            clock.advance(Duration.ofMillis(next.due - now));
            now = next.due;
        }
        next.run.run();
        return true;
    }

    /** Runs tasks until none waits (at most {@code 10_000}, so a task that keeps rescheduling fails the test). */
    void runAll() {
        for (int i = 0; i < 10_000; i++) {
            if (!runNext()) {
                return;
            }
        }
        throw new AssertionError("the timer never ran dry");
    }

    synchronized int waiting() {
        return tasks.size();
    }

    synchronized long now() {
        return now;
    }
}
