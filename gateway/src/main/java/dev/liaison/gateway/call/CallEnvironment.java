package dev.liaison.gateway.call;

import dev.liaison.gateway.media.MediaBridge;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** What a {@link Call} needs from the node it runs on; given by {@link B2bua}. */
interface CallEnvironment {

    Clock clock();

    ScheduledExecutorService scheduler();

    /** A media bridge for the call; throws {@link dev.liaison.gateway.media.MediaException} when none can be had. */
    MediaBridge openBridge(String callId);

    Duration answerTimeout();

    void publish(CallEvent event);

    /** Whether a listener (a route) takes {@code call.transfer-requested} and so decides transfers. */
    boolean transfersRouted();

    /** No route decides transfers: transfer {@code call} to {@code target} as the transferor gave it. */
    void transferUnrouted(Call call, String target);

    /** The active call that owns {@code leg} as one of its two sides, if any (for joining two calls). */
    default java.util.Optional<Call> callOf(CallLeg leg) {
        return java.util.Optional.empty();
    }

    /** The call reached {@link CallState#ENDED}: forget it. */
    void ended(Call call, EndReason reason);

    /** The call was answered after this long since the request. */
    void answered(Call call, Duration setupTime);
}
