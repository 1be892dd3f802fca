package dev.liaison.media.camel;

import org.apache.camel.spi.Metadata;

/** Header names of the {@code media:} component, on producer commands and on consumed events. */
public final class MediaConstants {

    @Metadata(
            label = "producer",
            description = "media:bridge: the operation, open, offer, answer, dtmf, statistics or close. Overrides the"
                    + " endpoint's operation option.",
            javaType = "String")
    public static final String OPERATION = "LiaisonMediaOperation";

    @Metadata(
            description = "The bridge: set by open (also the body after open), required by offer, answer, dtmf,"
                    + " statistics and close; on a bridge.ended event, the bridge that ended.",
            javaType = "String")
    public static final String BRIDGE_ID = "LiaisonMediaBridgeId";

    @Metadata(
            description = "open: the call the bridge is for (required). On a bridge.ended event, the call to end; on a"
                    + " dtmf.received event, the call whose leg sent the key.",
            javaType = "String")
    public static final String CALL_ID = "LiaisonMediaCallId";

    @Metadata(
            description = "offer and answer: the side the SDP comes from, A (the caller) or B (the callee). dtmf: the"
                    + " side the digit is sent to. On a dtmf.received event: the side whose leg sent the key.",
            javaType = "dev.liaison.media.bridge.BridgeSide")
    public static final String SIDE = "LiaisonMediaSide";

    @Metadata(
            label = "producer",
            description = "offer and answer: the kind of peer the SDP comes from, WEBRTC or RTP.",
            javaType = "dev.liaison.media.bridge.LegProfile")
    public static final String FROM_PROFILE = "LiaisonMediaFromProfile";

    @Metadata(
            label = "producer",
            description = "offer: the kind of peer the broker's offer goes to, WEBRTC or RTP.",
            javaType = "dev.liaison.media.bridge.LegProfile")
    public static final String TO_PROFILE = "LiaisonMediaToProfile";

    @Metadata(
            description = "dtmf: the digit, one of 0-9, *, #, A-D (required). On a dtmf.received event: the key"
                    + " received.",
            javaType = "String")
    public static final String DTMF_DIGIT = "LiaisonMediaDtmfDigit";

    @Metadata(
            description = "dtmf: how long the key is held, in milliseconds, 40 to 5000. On a dtmf.received event: how"
                    + " long the key was held, from the events' duration field (Integer).",
            defaultValue = "100",
            javaType = "Integer")
    public static final String DTMF_DURATION = "LiaisonMediaDtmfDuration";

    @Metadata(
            label = "consumer",
            description = "On a dtmf.received event: the power level of the key's tone, 0 to 63 (-dBm0), from its"
                    + " events.",
            javaType = "Integer")
    public static final String DTMF_VOLUME = "LiaisonMediaDtmfVolume";

    /** The duration of a digit when {@link #DTMF_DURATION} is absent. */
    public static final int DEFAULT_DTMF_DURATION = 100;

    @Metadata(
            description = "When the broker refused (the exchange fails with MediaRefusedException): MALFORMED_SDP,"
                    + " NO_COMMON_CODEC, UNAVAILABLE, UNKNOWN_BRIDGE, UNEXPECTED_ANSWER, OFFER_PENDING, and for dtmf"
                    + " NO_TELEPHONE_EVENT or MEDIA_NOT_FLOWING. On a bridge.ended event: consent-expired,"
                    + " dtls-failed, inactivity or transport-failed.",
            javaType = "String")
    public static final String REASON = "LiaisonMediaReason";

    @Metadata(label = "consumer", description = "The event type: bridge.ended or dtmf.received.", javaType = "String")
    public static final String EVENT = "LiaisonMediaEvent";

    /** The value of {@link #EVENT} when the broker ended a bridge on its own. */
    public static final String BRIDGE_ENDED = "bridge.ended";

    /** The value of {@link #EVENT} when a bridge detected a DTMF key in a leg's telephone-events. */
    public static final String DTMF_RECEIVED = "dtmf.received";

    private MediaConstants() {}
}
