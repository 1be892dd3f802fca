package dev.liaison.palettes.agent;

/** Everything that can change an agent's state; {@link AgentStateMachine} decides what each one does. */
public enum AgentEvent {
    /** The agent asks to take work (also signs in). */
    GO_AVAILABLE,
    /** The agent asks for a pause, with a reason (also signs in). */
    GO_NOT_READY,
    /** The agent signs out. */
    LOG_OUT,
    /** The agent's desktop stopped sending heartbeats: signed out by the system. */
    PRESENCE_LOST,
    /** The router offered the agent a task. */
    OFFERED,
    /** The agent accepted the offer. */
    OFFER_ACCEPTED,
    /** The agent rejected the offer. */
    OFFER_REJECTED,
    /** The offer was not answered in time. */
    OFFER_EXPIRED,
    /** The offered task went away (the customer hung up, or was routed elsewhere). */
    OFFER_CANCELED,
    /** A task the agent held ended; it may go on in wrap-up. */
    TASK_ENDED,
    /** A task's wrap-up finished (by the agent, or by its deadline). */
    WRAP_UP_ENDED
}
