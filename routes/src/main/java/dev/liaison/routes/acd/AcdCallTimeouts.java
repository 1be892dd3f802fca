package dev.liaison.routes.acd;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Ends the wait of calls queued longer than their destination's {@code max-wait}: their task is canceled
 * ({@code max-wait}), which hangs up the call ({@link AcdTaskFollower}). A task an agent took meanwhile is left alone.
 */
@Component
class AcdCallTimeouts {

    private static final Logger log = LoggerFactory.getLogger(AcdCallTimeouts.class);

    private final AcdCalls calls;
    private final AcdTasks tasks;
    private final Clock clock;

    AcdCallTimeouts(AcdCalls calls, AcdTasks tasks, ObjectProvider<Clock> clock) {
        this.calls = calls;
        this.tasks = tasks;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    void sweep() {
        for (AcdCall call : calls.overdue(clock.instant())) {
            if (tasks.cancelWaiting(call.taskId, AcdTaskFollower.MAX_WAIT)) {
                log.info("Call {} waited its max wait for an agent; task {} canceled", call.callId, call.taskId);
            }
        }
    }
}
