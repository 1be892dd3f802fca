package dev.liaison.routes.callback;

import java.util.EnumSet;
import java.util.Set;

/** Where the call of one callback attempt is, as the callback routes track it. Transitions only in {@link CallbackCall}. */
enum CallbackCallState {
    /** The originate command was sent; no answer from the called side yet. */
    PLACED,
    /** The customer's phone or page rings. */
    RINGING,
    /** The customer answered: the outcome {@code answered} was reported. */
    ANSWERED,
    /** The call ended. Terminal. */
    ENDED;

    private Set<CallbackCallState> next() {
        return switch (this) {
            case PLACED -> EnumSet.of(RINGING, ANSWERED, ENDED);
            case RINGING -> EnumSet.of(ANSWERED, ENDED);
            case ANSWERED -> EnumSet.of(ENDED);
            case ENDED -> EnumSet.noneOf(CallbackCallState.class);
        };
    }

    boolean canMoveTo(CallbackCallState target) {
        return next().contains(target);
    }
}
