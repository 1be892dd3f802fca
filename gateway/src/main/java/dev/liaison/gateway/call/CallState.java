package dev.liaison.gateway.call;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a bridged call as the back-to-back user agent sees it. Transitions happen only in {@link Call}; every
 * non-terminal state is left by a timeout when nothing else happens (routing timeout, answer timeout, or a leg's own
 * timers), so no call can stay in a state forever.
 */
public enum CallState {
    /** The caller's leg exists; the routes have not yet said where the call goes (it may wait in a queue). */
    ROUTING,
    /** The called leg was started and has not answered yet. */
    CONNECTING,
    /** Both legs answered; media is bridged. */
    ANSWERED,
    /** Ended; both legs were told. Terminal. */
    ENDED;

    private Set<CallState> next() {
        return switch (this) {
            case ROUTING -> EnumSet.of(CONNECTING, ENDED);
            case CONNECTING -> EnumSet.of(ANSWERED, ENDED);
            case ANSWERED -> EnumSet.of(ENDED);
            case ENDED -> EnumSet.noneOf(CallState.class);
        };
    }

    public boolean canMoveTo(CallState target) {
        return next().contains(target);
    }
}
