package dev.liaison.gateway.call;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run call events and call timers. Kept behind this type rather than exposed as a
 * {@link ScheduledExecutorService} bean, which would make Spring Boot drop its own task scheduler.
 */
public final class CallScheduler implements AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;

    public CallScheduler(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "gateway-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ScheduledThreadPoolExecutor(threads, factory);
        this.executor.setRemoveOnCancelPolicy(true);
    }

    public ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
