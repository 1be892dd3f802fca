package dev.liaison.gateway.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client protocol's own threads, held in one object rather than exposed as {@code Executor} beans: a bean of
 * type {@code ExecutorService} or {@code ScheduledExecutorService} would make Spring Boot's task execution and
 * scheduling auto-configuration back off for the whole application (and {@code @Scheduled} methods elsewhere would
 * end up on the client's timeout thread).
 */
public final class ClientExecutors implements AutoCloseable {

    private final ScheduledExecutorService timeouts =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("client-timeouts"));
    private final ExecutorService writer = Executors.newFixedThreadPool(
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), daemonThreads("client-writer"));

    /** One thread runs every session and connection timeout; the tasks are short and never block. */
    public ScheduledExecutorService timeouts() {
        return timeouts;
    }

    /**
     * Writes queued frames to the sockets. Its task queue holds at most one task per open connection (each
     * connection's {@link OutboundQueue} drains itself with one task at a time), so it is bounded by the connections.
     */
    public ExecutorService writer() {
        return writer;
    }

    @Override
    public void close() {
        timeouts.shutdownNow();
        writer.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
