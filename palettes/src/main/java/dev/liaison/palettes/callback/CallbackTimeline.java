package dev.liaison.palettes.callback;

import dev.liaison.palettes.context.TimelineService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes every callback transition to the contact's timeline, in the caller's transaction. Callers hold the callback
 * (and task) row locks first; appending then locks the interaction row.
 */
@Component
class CallbackTimeline {

    /** The customer asked for a callback; details: {@code when}, {@code target}, {@code virtualHold}, ... */
    static final String REQUESTED = "callback.requested";
    /** An attempt's task waits for an agent; details: {@code taskId}, {@code attempt}. */
    static final String QUEUED = "callback.queued";
    /** An agent accepted the attempt and rings the customer; details: {@code agent}. */
    static final String DIALING = "callback.dialing";
    /** An attempt did not reach the customer; details: {@code outcome}, {@code nextAttemptAt} (absent: none left). */
    static final String ATTEMPT_FAILED = "callback.attempt_failed";
    /** The customer was reached. */
    static final String COMPLETED = "callback.completed";
    /** No attempt is left, or the callback could not be queued; details: {@code reason}. */
    static final String FAILED = "callback.failed";
    /** The customer or an admin withdrew the callback; details: {@code reason}. */
    static final String CANCELED = "callback.canceled";

    private final TimelineService timeline;

    CallbackTimeline(TimelineService timeline) {
        this.timeline = timeline;
    }

    void requested(Callback callback, String actor) {
        Map<String, Object> details = details(callback);
        details.put("when", callback.getRequestedFor() == null ? "now" : callback.getRequestedFor());
        details.put("target", callback.getTarget().wireName());
        details.put("virtualHold", callback.isVirtualHold());
        details.put("maxAttempts", callback.getMaxAttempts());
        details.put("retryDelaySeconds", callback.getRetryDelay().toSeconds());
        details.put("destination", destination(callback));
        if (callback.getReplacedTaskId() != null) {
            details.put("replacedTaskId", callback.getReplacedTaskId().toString());
        }
        String when = callback.getRequestedFor() == null ? "now" : "at " + callback.getRequestedFor();
        String how = callback.getTarget() == CallbackTarget.PHONE ? "by phone" : "in the app";
        String hold = callback.isVirtualHold() ? ", keeping the place in the queue" : "";
        timeline.append(
                callback.getCorrelationId(),
                REQUESTED,
                actor,
                "Callback requested " + when + " " + how + hold,
                details);
    }

    void queued(Callback callback, String actor) {
        Map<String, Object> details = details(callback);
        details.put("taskId", callback.getTaskId().toString());
        details.put("destination", destination(callback));
        timeline.append(
                callback.getCorrelationId(),
                QUEUED,
                actor,
                "Callback attempt " + callback.getAttempts() + " of " + callback.getMaxAttempts() + " waits in "
                        + destination(callback),
                details);
    }

    void dialing(Callback callback, String agentLogin) {
        Map<String, Object> details = details(callback);
        details.put("taskId", callback.getTaskId().toString());
        details.put("agent", agentLogin);
        details.put("target", callback.getTarget().wireName());
        timeline.append(
                callback.getCorrelationId(),
                DIALING,
                "agent:" + agentLogin,
                "Calling the customer back (" + callback.getTarget().wireName() + ", attempt " + callback.getAttempts()
                        + ")",
                details);
    }

    void attemptFailed(Callback callback, AttemptOutcome outcome, String actor) {
        Map<String, Object> details = details(callback);
        details.put("outcome", outcome.wireName());
        if (callback.getNextAttemptAt() != null) {
            details.put("nextAttemptAt", callback.getNextAttemptAt());
        }
        String next = callback.getNextAttemptAt() == null
                ? "no attempt left"
                : "next attempt at " + callback.getNextAttemptAt();
        timeline.append(
                callback.getCorrelationId(),
                ATTEMPT_FAILED,
                actor,
                "Callback attempt " + callback.getAttempts() + " failed (" + outcome.wireName() + "); " + next,
                details);
    }

    void completed(Callback callback, String actor) {
        timeline.append(
                callback.getCorrelationId(),
                COMPLETED,
                actor,
                "Callback completed (" + callback.getEndReason() + ")",
                withReason(callback));
    }

    void failed(Callback callback, String actor) {
        timeline.append(
                callback.getCorrelationId(),
                FAILED,
                actor,
                "Callback failed after " + callback.getAttempts() + " attempt(s) (" + callback.getEndReason() + ")",
                withReason(callback));
    }

    void canceled(Callback callback, String actor) {
        timeline.append(
                callback.getCorrelationId(),
                CANCELED,
                actor,
                "Callback canceled (" + callback.getEndReason() + ")",
                withReason(callback));
    }

    private static Map<String, Object> withReason(Callback callback) {
        Map<String, Object> details = details(callback);
        details.put("reason", callback.getEndReason());
        return details;
    }

    private static Map<String, Object> details(Callback callback) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("callbackId", callback.getId().toString());
        details.put("state", callback.getState().name());
        details.put("attempt", callback.getAttempts());
        return details;
    }

    private static String destination(Callback callback) {
        return callback.getQueueName() != null
                ? "queue " + callback.getQueueName()
                : "workflow " + callback.getWorkflowName();
    }
}
