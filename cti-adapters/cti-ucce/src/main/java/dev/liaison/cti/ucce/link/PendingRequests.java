package dev.liaison.cti.ucce.link;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import dev.liaison.cti.ucce.protocol.CtiMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Requests waiting for their confirmation, by InvokeID. InvokeIDs are unsigned 32-bit counters that wrap; each request
 * gets a timeout that fails it with {@link CtiFailure#TIMEOUT}. Bounded: beyond {@code maxPending} a new request fails
 * at once with {@link CtiFailure#LIMIT_EXCEEDED}.
 */
final class PendingRequests {

    private record Pending(CompletableFuture<CtiMessage> future, ScheduledFuture<?> timeout) {}

    private final ScheduledExecutorService scheduler;
    private final int maxPending;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private long nextInvokeId = 1;

    PendingRequests(ScheduledExecutorService scheduler, int maxPending) {
        this.scheduler = scheduler;
        this.maxPending = maxPending;
    }

    synchronized long nextInvokeId() {
        long id = nextInvokeId;
        nextInvokeId = nextInvokeId == 0xFFFF_FFFFL ? 1 : nextInvokeId + 1;
        return id;
    }

    /** Registers a request; the future completes with the confirmation or fails with a {@link CtiException}. */
    CompletableFuture<CtiMessage> register(long invokeId, String what, Duration timeout) {
        CompletableFuture<CtiMessage> future = new CompletableFuture<>();
        if (pending.size() >= maxPending) {
            future.completeExceptionally(new CtiException(
                    CtiFailure.LIMIT_EXCEEDED, maxPending + " requests already wait for confirmation"));
            return future;
        }
        ScheduledFuture<?> timer = scheduler.schedule(
                () -> fail(
                        invokeId,
                        new CtiException(
                                CtiFailure.TIMEOUT, what + " (InvokeID " + invokeId + ") not confirmed in " + timeout)),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        pending.put(invokeId, new Pending(future, timer));
        return future;
    }

    /** @return false when nothing waited for this InvokeID (a late confirmation) */
    boolean complete(long invokeId, CtiMessage confirmation) {
        Pending p = pending.remove(invokeId);
        if (p == null) {
            return false;
        }
        p.timeout().cancel(false);
        p.future().complete(confirmation);
        return true;
    }

    boolean fail(long invokeId, CtiException error) {
        Pending p = pending.remove(invokeId);
        if (p == null) {
            return false;
        }
        p.timeout().cancel(false);
        p.future().completeExceptionally(error);
        return true;
    }

    void failAll(CtiException error) {
        for (Long id : pending.keySet().toArray(Long[]::new)) {
            fail(id, error);
        }
    }

    int size() {
        return pending.size();
    }
}
