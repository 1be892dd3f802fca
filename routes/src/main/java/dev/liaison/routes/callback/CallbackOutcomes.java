package dev.liaison.routes.callback;

import dev.liaison.palettes.callback.CallbackAttempts;
import dev.liaison.palettes.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reports how a callback attempt's call went to the callback feature, which completes the callback or schedules the
 * next attempt. The gateway's end reasons map to outcomes here, in one place.
 */
@Component
class CallbackOutcomes {

    private static final Logger log = LoggerFactory.getLogger(CallbackOutcomes.class);

    private final CallbackAttempts attempts;
    private final MeterRegistry meters;

    CallbackOutcomes(CallbackAttempts attempts, MeterRegistry meters) {
        this.attempts = attempts;
        this.meters = meters;
    }

    /** The outcome for a call that ended before the customer answered, from the gateway's end reason code. */
    static String outcomeOf(String endReason) {
        return switch (endReason == null ? "" : endReason) {
            case "busy" -> "busy";
            case "no-answer", "routing-timeout" -> "no-answer";
            default -> "failed";
        };
    }

    /**
     * Reports {@code outcome}; false when the callback no longer waits for one (canceled meanwhile, or the agent
     * reported first), which is logged and otherwise harmless.
     */
    boolean report(UUID callbackId, String outcome) {
        Counter.builder("liaison.callback.outcomes")
                .description("Callback attempt outcomes reported from the calls the routes placed")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        try {
            attempts.report(callbackId, outcome, CallbackConstants.ACTOR);
            return true;
        } catch (ApiException e) {
            log.info("Callback {}: outcome {} not recorded: {} ({})", callbackId, outcome, e.getMessage(), e.code());
            return false;
        }
    }
}
