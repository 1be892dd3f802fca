package dev.liaison.cti.ucce.camel;

import org.apache.camel.spi.Metadata;

/** Header names of the {@code ucce:} component. docs/cti-ucce-component.md lists them with examples. */
public final class UcceConstants {

    @Metadata(
            label = "consumer",
            description = "The event type: agent.state, call.delivered, call.established, call.held, call.retrieved,"
                    + " call.transferred, call.cleared, contact.queued, contact.dequeued, call.data.",
            javaType = "String")
    public static final String EVENT_TYPE = "LiaisonCtiEventType";

    @Metadata(label = "consumer", description = "The link (endpoint path) the event came from.", javaType = "String")
    public static final String LINK = "LiaisonCtiLink";

    @Metadata(
            label = "consumer",
            description = "Call events: the UCCE call as PeripheralID:ConnectionCallID.",
            javaType = "String")
    public static final String CALL_ID = "LiaisonCtiCallId";

    @Metadata(
            label = "consumer",
            description = "Call events: the RouterCallKey as day-callId, when the call was routed.",
            javaType = "String")
    public static final String ROUTER_CALL_KEY = "LiaisonCtiRouterCallKey";

    @Metadata(
            label = "consumer",
            description = "Call events: Liaison's correlation ID, when the call carries it in its mapped field.",
            javaType = "String")
    public static final String CORRELATION_ID = "LiaisonCtiCorrelationId";

    @Metadata(label = "consumer", description = "Agent events: the agent ID.", javaType = "String")
    public static final String AGENT_ID = "LiaisonCtiAgentId";

    @Metadata(
            label = "producer",
            description = "Set on the reply: the operation executed (agent.login, agent.logout, agent.state, call.make,"
                    + " call.data).",
            javaType = "String")
    public static final String OPERATION = "LiaisonCtiOperation";

    @Metadata(
            label = "producer",
            description = "Set on the reply of call.data: how many context values did not fit their field (0 when"
                    + " all did; the body's ScreenPop lists them).",
            javaType = "Integer")
    public static final String SCREEN_POP_VIOLATIONS = "LiaisonCtiScreenPopViolations";

    private UcceConstants() {}
}
