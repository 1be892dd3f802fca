package dev.liaison.gateway.call;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks given to it one at a time, in order, on a shared executor: one per call, so that a call's events
 * never race each other and no call holds a thread while idle. The queue is bounded; a task beyond the bound is
 * refused with {@link RejectedExecutionException} (the caller ends the call: a peer flooding one call cannot grow
 * memory).
 */
final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor delegate;
    private final int capacity;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor delegate, int capacity) {
        this.delegate = delegate;
        this.capacity = capacity;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            if (tasks.size() >= capacity) {
                throw new RejectedExecutionException("Call event queue full (" + capacity + ")");
            }
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        delegate.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.error("Call task failed", e);
            }
        }
    }

    int pending() {
        synchronized (tasks) {
            return tasks.size();
        }
    }
}
