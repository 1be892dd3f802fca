package dev.liaison.routes.callback;

/** Endpoints of the callback dialing routes. */
final class CallbackConstants {

    /** Accepted callback attempts ({@link DialAttempt}) on their way to the dialer; bounded, off the ACD's thread. */
    static final String DIALING_ENDPOINT = "seda:callback-dialing?size=1000&blockWhenFull=true&offerTimeout=5000";

    /** Events of calls placed for callbacks, in order, off the gateway's call threads. */
    static final String PROGRESS_ENDPOINT =
            "seda:callback-call-progress?size=1000&blockWhenFull=true&offerTimeout=5000";

    /** Hang up a callback call (header {@code LiaisonGatewayCallId}); a call that ended meanwhile is fine. */
    static final String HANGUP_ENDPOINT = "direct:callback-hangup";

    /** Exchange property: the {@link CallbackCall} being placed. */
    static final String CALL = "LiaisonCallbackCall";

    /** The actor the callback routes write on the timeline and in outcome reports. */
    static final String ACTOR = "system";

    private CallbackConstants() {}
}
