package dev.liaison.gateway.client.session;

import java.time.Duration;

/** Runs a task once after a delay; injected so tests decide when time passes. */
public interface Timeouts {

    /** Schedule {@code task} after {@code delay}; the returned handle cancels it if it has not run. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        void cancel();
    }
}
