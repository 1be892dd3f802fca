package dev.liaison.palettes.agent;

/**
 * The agent's tasks after an event took effect.
 *
 * @param pendingOffer whether the agent holds an offer not yet decided
 * @param assigned tasks accepted and in progress
 * @param wrapping tasks ended and in wrap-up
 */
public record Workload(boolean pendingOffer, int assigned, int wrapping) {

    public static final Workload NONE = new Workload(false, 0, 0);

    public boolean holdsTasks() {
        return assigned > 0 || wrapping > 0;
    }
}
