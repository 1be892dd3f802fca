package dev.liaison.palettes.callback;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a callback request on its own (no database): time, target, phone number, attempts, retry delay, where it
 * waits. Throws {@link InvalidCallbackException} for the first problem, naming the field.
 */
@Component
class CallbackRequestValidator {

    /** E.164: a plus, then 8 to 15 digits, not starting with 0. */
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    static final String NOW = "now";
    static final int MAX_PRIORITY = 1000;

    private final CallbackProperties properties;

    CallbackRequestValidator(CallbackProperties properties) {
        this.properties = properties;
    }

    ValidCallbackRequest validate(CallbackRequest request, Instant now) {
        if (request.correlationId() == null) {
            throw new InvalidCallbackException("request.invalid", "correlationId", "is required");
        }
        Instant at = when(request.when(), now);
        CallbackTarget target = target(request.target());
        String phone = phone(request.phoneNumber(), target);
        String queue = blankToNull(request.queue());
        String workflow = blankToNull(request.workflow());
        if (request.replacesTaskId() != null) {
            if (queue != null || workflow != null) {
                throw new InvalidCallbackException(
                        "callback.destination_invalid",
                        queue != null ? "queue" : "workflow",
                        "must be omitted with replacesTaskId: the callback waits where the replaced task waits");
            }
            if (request.priority() != null) {
                throw new InvalidCallbackException(
                        "callback.priority_invalid",
                        "priority",
                        "must be omitted with replacesTaskId: the callback keeps the task's priority");
            }
        } else if ((queue == null) == (workflow == null)) {
            throw new InvalidCallbackException(
                    "callback.destination_invalid", "queue", "give either queue or workflow");
        }
        int priority = request.priority() == null ? 0 : request.priority();
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new InvalidCallbackException(
                    "callback.priority_invalid", "priority", "must be between 0 and " + MAX_PRIORITY);
        }
        return new ValidCallbackRequest(
                request.correlationId(),
                queue,
                workflow,
                at,
                target,
                phone,
                maxAttempts(request.maxAttempts()),
                retryDelay(request.retryDelaySeconds()),
                request.replacesTaskId(),
                priority);
    }

    private Instant when(String when, Instant now) {
        if (when == null || when.isBlank() || NOW.equals(when.strip())) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(when.strip()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidCallbackException(
                    "callback.when_invalid",
                    "when",
                    "must be 'now' or an ISO-8601 time with offset, such as " + "2030-01-31T14:30:00Z");
        }
        if (!at.isAfter(now)) {
            throw new InvalidCallbackException("callback.time_in_past", "when", "must be in the future: " + when);
        }
        if (at.isAfter(now.plus(properties.horizon()))) {
            throw new InvalidCallbackException(
                    "callback.time_beyond_horizon",
                    "when",
                    "must be at most " + properties.horizon().toDays() + " days ahead: " + when);
        }
        return at;
    }

    private static CallbackTarget target(String target) {
        if (target == null || target.isBlank()) {
            return CallbackTarget.IN_APP;
        }
        return CallbackTarget.fromWireName(target.strip())
                .orElseThrow(() ->
                        new InvalidCallbackException("callback.target_invalid", "target", "must be in-app or phone"));
    }

    private static String phone(String phone, CallbackTarget target) {
        if (phone == null || phone.isBlank()) {
            if (target == CallbackTarget.PHONE) {
                throw new InvalidCallbackException(
                        "callback.phone_invalid", "phoneNumber", "is required for target phone");
            }
            return null;
        }
        if (!E164.matcher(phone).matches()) {
            throw new InvalidCallbackException(
                    "callback.phone_invalid",
                    "phoneNumber",
                    "must be E.164: '+' then 8 to 15 digits without spaces, such as +14155550100");
        }
        return phone;
    }

    private int maxAttempts(Integer requested) {
        int attempts = requested == null ? properties.defaultMaxAttempts() : requested;
        if (attempts < 1 || attempts > properties.maxAttemptsLimit()) {
            throw new InvalidCallbackException(
                    "callback.max_attempts_invalid",
                    "maxAttempts",
                    "must be between 1 and " + properties.maxAttemptsLimit());
        }
        return attempts;
    }

    private Duration retryDelay(Integer seconds) {
        Duration delay = seconds == null ? properties.defaultRetryDelay() : Duration.ofSeconds(seconds);
        if (delay.compareTo(properties.minRetryDelay()) < 0 || delay.compareTo(properties.maxRetryDelay()) > 0) {
            throw new InvalidCallbackException(
                    "callback.retry_delay_invalid",
                    "retryDelaySeconds",
                    "must be between " + properties.minRetryDelay().toSeconds() + " and "
                            + properties.maxRetryDelay().toSeconds());
        }
        return delay;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
