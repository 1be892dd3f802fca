package dev.liaison.gateway.call;

/**
 * The signaling state of one call leg. Every state has an exit: a leg that is neither answered nor ended within its
 * timeout is ended by the side that owns it.
 */
public enum LegState {
    /** Created; no request or offer sent or received yet. */
    NEW,
    /** An offer (or an INVITE without SDP) is on its way; no provisional answer yet. */
    CALLING,
    /** The far end rings (SIP 180/183, client "ringing"). */
    RINGING,
    /** Answered: media flows (or is on hold). */
    ANSWERED,
    /** Ended: hung up, rejected, cancelled or timed out. Terminal. */
    ENDED;

    public boolean isTerminal() {
        return this == ENDED;
    }
}
