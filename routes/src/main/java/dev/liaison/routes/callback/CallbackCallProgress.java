package dev.liaison.routes.callback;

import dev.liaison.gateway.call.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the call of a callback attempt through the gateway's events: ringing and answer go on the timeline, the
 * answer completes the callback, an end before the answer reports {@code busy}, {@code no-answer} or {@code failed}
 * (or falls back to the phone when an in-app customer was not online after all).
 */
@Component
class CallbackCallProgress {

    private static final Logger log = LoggerFactory.getLogger(CallbackCallProgress.class);

    private final CallbackCalls calls;
    private final CallbackProgressTimeline timeline;
    private final CallbackOutcomes outcomes;

    CallbackCallProgress(CallbackCalls calls, CallbackProgressTimeline timeline, CallbackOutcomes outcomes) {
        this.calls = calls;
        this.timeline = timeline;
        this.outcomes = outcomes;
    }

    /**
     * Handles one event of a tracked call. Returns a {@link DialAttempt} to place next (the phone fallback), else
     * null.
     */
    public DialAttempt onEvent(CallEvent event) {
        CallbackCall call = calls.byCallId(event.callId()).orElse(null);
        if (call == null) {
            return null;
        }
        if (event instanceof CallEvent.Ringing) {
            if (call.moveTo(CallbackCallState.RINGING)) {
                timeline.ringing(call);
            }
        } else if (event instanceof CallEvent.Answered) {
            if (call.moveTo(CallbackCallState.ANSWERED)) {
                timeline.answered(call);
                outcomes.report(call.dialing.callbackId(), "answered");
            }
        } else if (event instanceof CallEvent.Ended ended) {
            return ended(call, ended.reason().code());
        }
        return null;
    }

    private DialAttempt ended(CallbackCall call, String reason) {
        CallbackCallState before = call.state();
        if (!call.moveTo(CallbackCallState.ENDED)) {
            return null;
        }
        calls.remove(call);
        boolean answered = before == CallbackCallState.ANSWERED;
        if (!answered
                && !call.released()
                && call.via == CallbackCall.Via.IN_APP
                && before == CallbackCallState.PLACED
                && "not-found".equals(reason)
                && call.dialing.phoneNumber() != null) {
            // the session went away between the plan and the call: the customer is not online after all
            timeline.phoneFallback(call);
            return new DialAttempt(call.dialing, true);
        }
        timeline.ended(call, reason, answered);
        if (!answered && !call.released()) {
            String outcome = CallbackOutcomes.outcomeOf(reason);
            log.info(
                    "Callback {}: call {} ended {} before an answer: {}",
                    call.dialing.callbackId(),
                    call.callId,
                    reason,
                    outcome);
            outcomes.report(call.dialing.callbackId(), outcome);
        }
        return null;
    }
}
