package dev.liaison.palettes.agent;

/**
 * What an agent is doing, as supervisors and the router see it. Every state has an exit that does not depend on the
 * agent's desktop behaving: RESERVED ends when the offer is decided or expires, WRAP_UP when the wrap-up time runs
 * out, and every state but OFFLINE when the desktop stops sending heartbeats.
 */
public enum AgentState {
    /** Not signed in; gets no offers. */
    OFFLINE,
    /** Signed in, ready, and holding no task: may be offered one. */
    AVAILABLE,
    /** Holding an offer that is not yet accepted, rejected or expired; gets no other offer meanwhile. */
    RESERVED,
    /** Working on at least one task; may be offered another one on a channel with spare capacity. */
    BUSY,
    /** Finishing the notes of tasks that ended; gets no offers until wrap-up ends. */
    WRAP_UP,
    /** Signed in but not ready (break, training, missed offer...); gets no offers. */
    NOT_READY;

    /** Whether the router may offer this agent a task. */
    public boolean routable() {
        return this == AVAILABLE || this == BUSY;
    }
}
