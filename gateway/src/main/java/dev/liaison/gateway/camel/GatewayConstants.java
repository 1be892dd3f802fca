package dev.liaison.gateway.camel;

import org.apache.camel.spi.Metadata;

/** Header names of the {@code gateway:} component, on consumed events and on producer commands. */
public final class GatewayConstants {

    @Metadata(
            label = "consumer",
            description = "The event type: call.incoming, call.ringing, call.answered, call.ended, call.media-changed,"
                    + " call.dtmf, call.transfer-requested, call.transferred, call.transfer-failed.",
            javaType = "String")
    public static final String EVENT = "LiaisonGatewayEvent";

    @Metadata(description = "The id of the call the event or command is about.", javaType = "String")
    public static final String CALL_ID = "LiaisonGatewayCallId";

    @Metadata(
            description = "call.incoming: what the caller dialled (a destination name, or the Request-URI user)."
                    + " call.transfer-requested: the user part of the Refer-To target (for the dial plan)."
                    + " originate: what the call is (for example callback:<id>), default originate.",
            javaType = "String")
    public static final String DESTINATION = "LiaisonGatewayDestination";

    @Metadata(
            description = "call.incoming: the correlation ID of the caller's session, when it has one. originate: the"
                    + " contact the call is about.",
            javaType = "String")
    public static final String CORRELATION_ID = "LiaisonGatewayCorrelationId";

    @Metadata(
            label = "consumer",
            description = "The kind of leg an event concerns: CLIENT, SIP or ORIGIN (caller on call.incoming, callee on"
                    + " ringing/answered, the side that acted on the others).",
            javaType = "dev.liaison.gateway.call.LegKind")
    public static final String LEG_KIND = "LiaisonGatewayLegKind";

    @Metadata(
            label = "producer",
            description =
                    "The command: connect, ring, reject, hangup, originate, transfer or refuse-transfer. Overrides the"
                            + " endpoint's command option.",
            javaType = "String")
    public static final String COMMAND = "LiaisonGatewayCommand";

    @Metadata(
            description =
                    "connect, originate and transfer: where to connect the call (a SIP URI, or a client session id). On a"
                            + " consumed call.incoming exchange, setting it connects the call when the route completes; on"
                            + " call.transfer-requested it arrives as the Refer-To target and the call is transferred to"
                            + " its value when the route completes. On call.transferred and call.transfer-failed, the"
                            + " transfer target.",
            javaType = "String")
    public static final String TARGET = "LiaisonGatewayTarget";

    @Metadata(
            description =
                    "connect, originate and transfer: the kind of leg to create, CLIENT, SIP or SIP_WS; when absent,"
                            + " targets starting with sip: or sips: are SIP, ws-sip: SIP_WS and anything else is a client"
                            + " session.",
            javaType = "dev.liaison.gateway.call.LegKind")
    public static final String TARGET_KIND = "LiaisonGatewayTargetKind";

    @Metadata(
            description = "reject, hangup and refuse-transfer: the reason code (normal, busy, declined, no-answer,"
                    + " not-found, forbidden, unavailable); set on a call.transfer-requested exchange it refuses the"
                    + " transfer. On call.ended and call.transfer-failed, the reason.",
            javaType = "String")
    public static final String REASON = "LiaisonGatewayReason";

    @Metadata(
            label = "consumer",
            description =
                    "call.transfer-requested of an attended transfer: the Replaces value (call-id;to-tag;from-tag).",
            javaType = "String")
    public static final String REPLACES = "LiaisonGatewayReplaces";

    @Metadata(
            label = "consumer",
            description = "call.transferred of a join (the Replaces named another call of this node): that call's id;"
                    + " it ended with joined, its remaining side is now in this call.",
            javaType = "String")
    public static final String JOINED_CALL_ID = "LiaisonGatewayJoinedCallId";

    @Metadata(
            label = "producer",
            description = "originate: what the called side is shown as the caller (a browser's incoming-call from).",
            javaType = "String")
    public static final String FROM = "LiaisonGatewayFrom";

    private GatewayConstants() {}
}
