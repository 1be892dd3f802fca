package dev.liaison.routes.contact;

/** Endpoints and headers of the contact and agent routes, for the gateway, the agent desktop and tests. */
public final class ContactConstants {

    /** Send a {@link ContactRequest} here (InOut); the reply is a {@link ContactQueued}. */
    public static final String CONTACT_ENDPOINT = "direct:contact";

    /**
     * Where the agent side hears from the ACD: offers with their screen pop ({@link AgentOffer}), withdrawn offers,
     * assignments and ended tasks; header {@link #AGENT} names the agent. For integrations that want a push; the
     * built-in desktop reads offers over REST. When nobody reads it, at most 1,000 events wait and newer ones are
     * dropped: the ACD is never held up, and memory stays bounded.
     */
    public static final String AGENT_EVENTS_ENDPOINT =
            "seda:agent-events?size=1000&multipleConsumers=true&discardWhenFull=true";

    /** Send agent commands here (InOut): header {@link #OPERATION} says which. */
    public static final String AGENT_COMMAND_ENDPOINT = "direct:agent-command";

    /** Internal: committed ACD events on their way to the agent side. */
    static final String ACD_EVENTS_ENDPOINT = "seda:acd-events?size=10000";

    /** The interaction's correlation ID (UUID). */
    public static final String CORRELATION_ID = "LiaisonCorrelationId";

    /** Whether the interaction existed before this contact (Boolean). */
    public static final String RESUMED = "LiaisonResumed";

    /** Login of the agent an agent event is for (String). */
    public static final String AGENT = "LiaisonAgent";

    /** Agent command: {@code accept}, {@code reject}, {@code end}, {@code wrap-up}, {@code available}, {@code not-ready}, {@code logout}, {@code heartbeat}. */
    public static final String OPERATION = "LiaisonOperation";

    /** Agent the command is for (UUID). */
    public static final String AGENT_ID = "LiaisonAgentId";

    /** Offer an accept or reject is about (UUID). */
    public static final String RESERVATION_ID = "LiaisonReservationId";

    /** Task an end or wrap-up is about (UUID). */
    public static final String TASK_ID = "LiaisonTaskId";

    /** Not-ready reason, rejection reason or wrap-up disposition (String). */
    public static final String REASON = "LiaisonReason";

    private ContactConstants() {}
}
