package dev.liaison.routes.callback;

import dev.liaison.palettes.context.TimelineService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Writes what happens to a callback's call to the contact's timeline (each in its own transaction). */
@Component
class CallbackProgressTimeline {

    /** The customer's phone or page rings; details: {@code via}, {@code callId}. */
    static final String RINGING = "callback.ringing";
    /** The customer picked up; details: {@code via}, {@code callId}. */
    static final String ANSWERED = "callback.answered";
    /** The call ended; details: {@code reason} (the gateway's end reason), {@code answered}. */
    static final String CALL_ENDED = "callback.call_ended";
    /** The customer could not be rung at all; details: {@code reason}, {@code detail}. */
    static final String NOT_DIALED = "callback.not_dialed";
    /** An in-app customer was offline: the phone number is called instead. */
    static final String PHONE_FALLBACK = "callback.phone_fallback";

    private final TimelineService timeline;

    CallbackProgressTimeline(TimelineService timeline) {
        this.timeline = timeline;
    }

    void ringing(CallbackCall call) {
        append(call, RINGING, "The customer's " + what(call) + " rings", details(call));
    }

    void answered(CallbackCall call) {
        append(call, ANSWERED, "The customer answered the callback " + what(call.via), details(call));
    }

    void ended(CallbackCall call, String reason, boolean answered) {
        Map<String, Object> details = details(call);
        details.put("reason", reason);
        details.put("answered", answered);
        append(call, CALL_ENDED, "The callback call ended (" + reason + ")", details);
    }

    void phoneFallback(CallbackCall call) {
        append(call, PHONE_FALLBACK, "The customer is not online in the app: calling the phone instead", details(call));
    }

    void notDialed(DialAttempt attempt, String reason, String detail) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("callbackId", attempt.dialing().callbackId().toString());
        details.put("attempt", attempt.dialing().attempt());
        details.put("reason", reason);
        details.put("detail", detail);
        timeline.append(
                attempt.dialing().correlationId(),
                NOT_DIALED,
                CallbackConstants.ACTOR,
                "The customer could not be called (" + reason + ")",
                details);
    }

    private void append(CallbackCall call, String type, String summary, Map<String, Object> details) {
        timeline.append(call.dialing.correlationId(), type, CallbackConstants.ACTOR, summary, details);
    }

    private static Map<String, Object> details(CallbackCall call) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("callbackId", call.dialing.callbackId().toString());
        details.put("attempt", call.dialing.attempt());
        details.put("via", call.via.wireName);
        details.put("callId", call.callId);
        return details;
    }

    private static String what(CallbackCall call) {
        return call.via == CallbackCall.Via.PHONE ? "phone" : "page or app";
    }

    private static String what(CallbackCall.Via via) {
        return via == CallbackCall.Via.PHONE ? "on the phone" : "in the app";
    }
}
