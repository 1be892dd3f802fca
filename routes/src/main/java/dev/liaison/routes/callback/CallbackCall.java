package dev.liaison.routes.callback;

import dev.liaison.palettes.callback.CallbackDialing;

/**
 * The call of one callback attempt: which attempt it serves, how it reaches the customer ({@code via}) and where it
 * is. Thread-safe; its state changes only in {@link #moveTo}.
 */
final class CallbackCall {

    /** How the customer is reached. */
    enum Via {
        IN_APP("in-app"),
        PHONE("phone");

        final String wireName;

        Via(String wireName) {
            this.wireName = wireName;
        }
    }

    final String callId;
    final CallbackDialing dialing;
    final Via via;
    final String target;
    private CallbackCallState state = CallbackCallState.PLACED;
    /** The routes hung the call up themselves (the task ended): its end reports no outcome. */
    private boolean released;

    CallbackCall(String callId, CallbackDialing dialing, Via via, String target) {
        this.callId = callId;
        this.dialing = dialing;
        this.via = via;
        this.target = target;
    }

    synchronized CallbackCallState state() {
        return state;
    }

    /** Moves to {@code next} when the table allows it; false (and no change) otherwise. */
    synchronized boolean moveTo(CallbackCallState next) {
        if (!state.canMoveTo(next)) {
            return false;
        }
        state = next;
        return true;
    }

    synchronized void release() {
        released = true;
    }

    synchronized boolean released() {
        return released;
    }
}
