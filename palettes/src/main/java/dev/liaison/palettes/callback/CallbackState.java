package dev.liaison.palettes.callback;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Life of a callback, and the one table of which state may follow which.
 *
 * <pre>
 * SCHEDULED ──► QUEUED ──► IN_PROGRESS ──► COMPLETED
 *                 ▲             │
 *                 │             ▼
 *          RETRY_SCHEDULED ◄── (no answer, busy, failed) ──► FAILED when attempts are exhausted
 * </pre>
 *
 * Every state before COMPLETED, FAILED or CANCELED can go to CANCELED (the customer or an admin).
 */
public enum CallbackState {
    /** Waiting for the time the customer chose; a durable scheduler execution queues the first attempt. */
    SCHEDULED,
    /** An attempt's task (channel {@code callback}) waits in the ACD for an agent. */
    QUEUED,
    /** An agent accepted the attempt and is ringing the customer. */
    IN_PROGRESS,
    /** The last attempt did not reach the customer; a durable scheduler execution queues the next one. */
    RETRY_SCHEDULED,
    /** The customer answered. */
    COMPLETED,
    /** Every attempt failed, or the callback could not be queued. */
    FAILED,
    /** The customer or an admin withdrew it. */
    CANCELED;

    private static final Map<CallbackState, Set<CallbackState>> NEXT = Map.of(
            SCHEDULED, EnumSet.of(QUEUED, FAILED, CANCELED),
            QUEUED, EnumSet.of(IN_PROGRESS, CANCELED),
            IN_PROGRESS, EnumSet.of(COMPLETED, RETRY_SCHEDULED, FAILED, CANCELED),
            RETRY_SCHEDULED, EnumSet.of(QUEUED, FAILED, CANCELED),
            COMPLETED, EnumSet.noneOf(CallbackState.class),
            FAILED, EnumSet.noneOf(CallbackState.class),
            CANCELED, EnumSet.noneOf(CallbackState.class));

    /** Whether a callback in this state may move to {@code next}. */
    public boolean canMoveTo(CallbackState next) {
        return NEXT.get(this).contains(next);
    }

    /** Waiting for a scheduler execution to queue the next attempt. */
    public boolean awaitsAttempt() {
        return this == SCHEDULED || this == RETRY_SCHEDULED;
    }

    /** An attempt's task is in the ACD. */
    public boolean attempting() {
        return this == QUEUED || this == IN_PROGRESS;
    }

    /** No transition leaves this state. */
    public boolean ended() {
        return NEXT.get(this).isEmpty();
    }
}
