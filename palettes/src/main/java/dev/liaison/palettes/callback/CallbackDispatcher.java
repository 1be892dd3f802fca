package dev.liaison.palettes.callback;

import dev.liaison.palettes.web.ApiException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a due scheduler execution: queues the attempt it names. The callback row is locked and its state and attempt
 * number checked first, so an execution that runs twice (a node died after queueing but before db-scheduler removed
 * the execution, or a cancel raced with it) changes nothing the second time.
 */
@Component
class CallbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final String ACTOR = "system";

    private final CallbackRepository callbacks;
    private final AttemptQueue attempts;
    private final CallbackTimeline timeline;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CallbackDispatcher(
            CallbackRepository callbacks,
            AttemptQueue attempts,
            CallbackTimeline timeline,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.callbacks = callbacks;
        this.attempts = attempts;
        this.timeline = timeline;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Queues the attempt that scheduler instance {@code instanceId} names. When the ACD refuses it (its queue or
     * workflow was deleted meanwhile) the callback fails instead; any other error goes back to db-scheduler, which
     * tries again later.
     *
     * @return whether an attempt was queued
     */
    boolean fireDue(String instanceId) {
        CallbackSchedule.Due due = CallbackSchedule.parse(instanceId);
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> fire(due)));
        } catch (ApiException e) {
            log.warn("Callback {} attempt {} could not be queued: {}", due.callbackId(), due.attempt(), e.getMessage());
            transactions.executeWithoutResult(status -> giveUp(due, e));
            return false;
        }
    }

    private boolean fire(CallbackSchedule.Due due) {
        Optional<Callback> found = callbacks.lockById(due.callbackId());
        if (found.isEmpty()) {
            log.warn("Scheduler execution for unknown callback {}; ignored", due.callbackId());
            return false;
        }
        Callback callback = found.get();
        if (!isDue(callback, due)) {
            log.info(
                    "Callback {} is {} with {} attempt(s); execution for attempt {} ignored",
                    callback.getId(),
                    callback.getState(),
                    callback.getAttempts(),
                    due.attempt());
            return false;
        }
        attempts.queueNext(callback, ACTOR);
        return true;
    }

    private void giveUp(CallbackSchedule.Due due, ApiException cause) {
        callbacks
                .lockById(due.callbackId())
                .filter(callback -> isDue(callback, due))
                .ifPresent(callback -> {
                    callback.fail(null, "not-queued: " + cause.code(), clock.instant());
                    timeline.failed(callback, ACTOR);
                });
    }

    private static boolean isDue(Callback callback, CallbackSchedule.Due due) {
        return callback.getState().awaitsAttempt() && callback.nextAttemptNumber() == due.attempt();
    }
}
