package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.LegListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * How a {@link SipLeg} runs what happens to it: each command and network event under the leg's lock with the Call-ID in
 * the MDC ({@code sip.callId}); the listener events raised meanwhile are collected and delivered once the lock is
 * released, so a listener may call back into any leg. A {@link SipStatusException} goes back to the caller (the
 * request's response, made by the dispatcher); any other failure is logged and handed to the leg's failure handler.
 */
final class LegActions {

    private static final Logger LOG = LoggerFactory.getLogger(LegActions.class);

    /** Something a leg does under its lock. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final Object lock;
    private final String legId;
    private final String sipCallId;
    private final Runnable onFailure;
    // Guarded by lock.
    private LegListener listener;
    private final List<Runnable> events = new ArrayList<>();

    LegActions(Object lock, String legId, String sipCallId, Runnable onFailure) {
        this.lock = lock;
        this.legId = legId;
        this.sipCallId = sipCallId;
        this.onFailure = onFailure;
    }

    /** Sets the listener once; a second one is ignored with a warning. */
    void setListener(LegListener next) {
        synchronized (lock) {
            if (listener != null) {
                LOG.warn("Leg {}: listener already set, keeping the first", legId);
                return;
            }
            listener = next;
        }
    }

    /**
     * Hands the leg from the listener {@code from} to {@code to} (a call joining another call's leg); false when
     * {@code from} is not the listener any more.
     */
    boolean moveListener(LegListener from, LegListener to) {
        synchronized (lock) {
            if (listener != from) {
                return false;
            }
            listener = to;
            return true;
        }
    }

    /** Queues an event for the listener, delivered when the running action is over. Under the lock. */
    void event(Consumer<LegListener> delivery) {
        LegListener target = listener;
        if (target == null) {
            LOG.warn("Leg {}: event dropped, no listener set", legId);
            return;
        }
        events.add(() -> delivery.accept(target));
    }

    void run(String what, Action action) {
        String previous = MDC.get(SipLeg.MDC_CALL_ID);
        MDC.put(SipLeg.MDC_CALL_ID, sipCallId);
        List<Runnable> toDeliver;
        RuntimeException rethrow = null;
        try {
            synchronized (lock) {
                try {
                    action.run();
                } catch (SipStatusException e) {
                    rethrow = e;
                } catch (Exception e) {
                    LOG.warn("Leg {}: {} failed: {}", legId, what, e.toString(), e);
                    onFailure.run();
                }
                toDeliver = List.copyOf(events);
                events.clear();
            }
            for (Runnable delivery : toDeliver) {
                try {
                    delivery.run();
                } catch (RuntimeException e) {
                    LOG.warn("Leg {}: listener failed on {}", legId, what, e);
                }
            }
        } finally {
            if (previous == null) {
                MDC.remove(SipLeg.MDC_CALL_ID);
            } else {
                MDC.put(SipLeg.MDC_CALL_ID, previous);
            }
        }
        if (rethrow != null) {
            throw rethrow;
        }
    }
}
