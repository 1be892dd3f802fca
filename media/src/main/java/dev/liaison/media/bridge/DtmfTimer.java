package dev.liaison.media.bridge;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay: what the DTMF player needs of a scheduler (a test gives one it moves by hand). */
@FunctionalInterface
public interface DtmfTimer {

    /** A scheduled task that can be called off. */
    interface Scheduled {
        void cancel();
    }

    Scheduled after(long delayMillis, Runnable task);

    /** On a scheduler; the tasks are short and never block. */
    static DtmfTimer on(ScheduledExecutorService scheduler) {
        return (delayMillis, task) -> {
            ScheduledFuture<?> future = scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
