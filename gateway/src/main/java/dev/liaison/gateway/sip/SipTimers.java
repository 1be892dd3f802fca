package dev.liaison.gateway.sip;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the trunk's long timers run: session refresh and expiry (RFC 4028), registration refresh and retry, the wait
 * for a transfer's outcome. Production runs them on the trunk's scheduler; tests inject a manual one and move time
 * forward, so a 90 s session interval costs no wall-clock time.
 */
interface SipTimers {

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Timer schedule(Duration delay, Runnable task);

    /** A scheduled task. */
    interface Timer {
        /** Cancels the task if it has not run; idempotent. */
        void cancel();
    }

    /** Timers on a real scheduler. */
    static SipTimers on(ScheduledExecutorService scheduler) {
        return (delay, task) -> {
            ScheduledFuture<?> future = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
