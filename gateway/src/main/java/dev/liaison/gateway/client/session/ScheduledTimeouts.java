package dev.liaison.gateway.client.session;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link Timeouts} on a {@link ScheduledExecutorService}. */
public final class ScheduledTimeouts implements Timeouts {

    private final ScheduledExecutorService scheduler;

    public ScheduledTimeouts(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
