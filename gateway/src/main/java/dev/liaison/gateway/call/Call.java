package dev.liaison.gateway.call;

import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One bridged call: the caller's leg (side A), the called leg (side B) once the routes connect it, and the media
 * bridge between them. Every SDP passes through the bridge, so each side only ever sees the media broker.
 *
 * <p>Leg events and commands run one at a time on the call's {@link SerialExecutor}; the methods that change state are
 * also {@code synchronized} so that the overflow path (a flooded event queue) is safe. Leg commands are asynchronous by
 * contract, so calling them while holding the monitor cannot deadlock.
 */
final class Call implements LegListener {

    private static final Logger log = LoggerFactory.getLogger(Call.class);
    private static final EndReason MEDIA_REFUSED = new EndReason("media", 488, "Not acceptable here");
    private static final EndReason NO_MEDIA = new EndReason("no-media", 503, "No media broker available");
    private static final EndReason OVERFLOW = new EndReason("overload", 503, "Too many call events");

    private final String id;
    private final CallLeg caller;
    private final CallRequest request;
    private final Instant requestedAt;
    private final SerialExecutor executor;
    private final CallEnvironment env;

    private CallState state = CallState.ROUTING;
    private CallLeg callee;
    private String target;
    private MediaBridge bridge;
    private ScheduledFuture<?> timer;
    /** Late offer: the callee made the offer in its answer and the caller's answer to it is still due. */
    private boolean calleeOfferPending;
    /** The side whose media renegotiation waits for the other side's answer, or null. */
    private BridgeSide renegotiating;
    /** One renegotiation offer that arrived while another was in progress; replayed when that one completes. */
    private Runnable deferredOffer;

    Call(String id, CallLeg caller, CallRequest request, SerialExecutor executor, CallEnvironment env) {
        this.id = id;
        this.caller = caller;
        this.request = request;
        this.executor = executor;
        this.env = env;
        this.requestedAt = env.clock().instant();
    }

    String id() {
        return id;
    }

    CallRequest request() {
        return request;
    }

    synchronized CallState state() {
        return state;
    }

    /** Starts routing: arms the routing timeout. */
    synchronized void beginRouting(Duration routingTimeout) {
        caller.setListener(this);
        arm(routingTimeout, new EndReason("routing-timeout", 480, "No agent or destination in time"));
    }

    // ---- commands from the routes (always through the executor)

    void submit(Runnable command) {
        try {
            executor.execute(() -> withMdc(command));
        } catch (RejectedExecutionException e) {
            log.warn("Call {}: event queue full, ending the call", id);
            env.scheduler().execute(() -> end(OVERFLOW, null));
        }
    }

    synchronized void connect(LegProvider provider, String newTarget) {
        if (state != CallState.ROUTING) {
            log.info("Call {}: connect to {} ignored in state {}", id, newTarget, state);
            return;
        }
        Optional<CallLeg> created = provider.createOutbound(newTarget, id, request);
        if (created.isEmpty()) {
            end(EndReason.NOT_FOUND, null);
            return;
        }
        try {
            bridge = env.openBridge(id);
        } catch (MediaException e) {
            log.warn("Call {}: no media bridge: {}", id, e.getMessage());
            end(NO_MEDIA, null);
            return;
        }
        LegKind calleeKind = created.get().kind();
        Optional<String> offer;
        try {
            offer = request.sdpOffer().map(sdp -> bridge.offer(BridgeSide.A, caller.kind(), calleeKind, sdp));
        } catch (MediaException e) {
            log.info("Call {}: media refused: {}", id, e.getMessage());
            end(MEDIA_REFUSED, null);
            return;
        }
        callee = created.get();
        target = newTarget;
        callee.setListener(this);
        moveTo(CallState.CONNECTING);
        arm(env.answerTimeout(), EndReason.NO_ANSWER);
        callee.start(offer);
    }

    synchronized void ring() {
        if (state == CallState.ROUTING) {
            caller.ringing(Optional.empty());
        }
    }

    synchronized void reject(EndReason reason) {
        if (state == CallState.ROUTING) {
            end(reason, null);
        } else {
            log.info("Call {}: reject ignored in state {}", id, state);
        }
    }

    synchronized void hangUp(EndReason reason) {
        end(reason, null);
    }

    // ---- leg events (queued, then handled in order)

    @Override
    public void onRinging(CallLeg leg, Optional<String> earlySdp) {
        submit(() -> ringing(leg, earlySdp));
    }

    @Override
    public void onAnswered(CallLeg leg, String sdp) {
        submit(() -> answered(leg, sdp));
    }

    @Override
    public void onEnded(CallLeg leg, EndReason reason) {
        submit(() -> legEnded(leg, reason));
    }

    @Override
    public void onMediaOffer(CallLeg leg, String sdpOffer) {
        submit(() -> mediaOffer(leg, sdpOffer));
    }

    @Override
    public void onMediaAnswer(CallLeg leg, String sdpAnswer) {
        submit(() -> mediaAnswer(leg, sdpAnswer));
    }

    @Override
    public void onDtmf(CallLeg leg, char digit, int durationMillis) {
        submit(() -> dtmf(leg, digit, durationMillis));
    }

    @Override
    public void onMuteChanged(CallLeg leg, boolean audioMuted, boolean videoMuted) {
        submit(() -> muteChanged(leg, audioMuted, videoMuted));
    }

    @Override
    public void onTransferRequested(CallLeg leg, String transferTarget, Optional<String> replaces) {
        submit(() -> {
            BridgeSide side = sideOf(leg);
            if (side != null && state == CallState.ANSWERED) {
                env.publish(new CallEvent.TransferRequested(id, now(), leg.kind(), transferTarget, replaces));
            }
        });
    }

    private synchronized void ringing(CallLeg leg, Optional<String> earlySdp) {
        if (sideOf(leg) != BridgeSide.B || state != CallState.CONNECTING) {
            return;
        }
        Optional<String> early = Optional.empty();
        if (earlySdp.isPresent() && request.sdpOffer().isPresent()) {
            try {
                early = Optional.of(bridge.answer(BridgeSide.B, callee.kind(), earlySdp.get()));
            } catch (MediaException e) {
                log.info("Call {}: early media refused, ringing without it: {}", id, e.getMessage());
            }
        }
        caller.ringing(early);
        env.publish(new CallEvent.Ringing(id, now(), callee.kind(), target));
    }

    private synchronized void answered(CallLeg leg, String sdp) {
        if (sideOf(leg) != BridgeSide.B || state != CallState.CONNECTING) {
            return;
        }
        try {
            if (request.sdpOffer().isPresent()) {
                caller.answer(bridge.answer(BridgeSide.B, callee.kind(), sdp));
            } else {
                caller.answer(bridge.offer(BridgeSide.B, callee.kind(), caller.kind(), sdp));
                calleeOfferPending = true;
            }
        } catch (MediaException e) {
            log.info("Call {}: answer refused by the media broker: {}", id, e.getMessage());
            end(MEDIA_REFUSED, null);
            return;
        }
        moveTo(CallState.ANSWERED);
        cancelTimer();
        Duration setup = Duration.between(requestedAt, now());
        env.answered(this, setup);
        env.publish(new CallEvent.Answered(id, now(), callee.kind(), target, setup));
    }

    private synchronized void legEnded(CallLeg leg, EndReason reason) {
        BridgeSide side = sideOf(leg);
        if (side == null) {
            return;
        }
        end(reason, side);
    }

    private synchronized void mediaOffer(CallLeg leg, String sdpOffer) {
        BridgeSide side = sideOf(leg);
        if (side == null || state == CallState.ENDED) {
            return;
        }
        if (state != CallState.ANSWERED) {
            log.info("Call {}: early offer from {} refused (offers are relayed once answered)", id, side);
            leg.refuseMediaUpdate(500, "Early offers are not relayed");
            return;
        }
        if (renegotiating != null || calleeOfferPending) {
            deferredOffer = () -> mediaOffer(leg, sdpOffer);
            return;
        }
        CallLeg other = legOf(side.other());
        try {
            String offer = bridge.offer(side, leg.kind(), other.kind(), sdpOffer);
            renegotiating = side;
            other.updateMedia(offer);
        } catch (MediaException e) {
            log.info("Call {}: re-offer from {} refused: {}", id, side, e.getMessage());
            end(MEDIA_REFUSED, null);
            return;
        }
        env.publish(new CallEvent.MediaChanged(id, now(), leg.kind(), SdpHold.isHold(sdpOffer)));
    }

    private synchronized void mediaAnswer(CallLeg leg, String sdpAnswer) {
        BridgeSide side = sideOf(leg);
        if (side == null || state != CallState.ANSWERED) {
            return;
        }
        try {
            if (calleeOfferPending && side == BridgeSide.A) {
                calleeOfferPending = false;
                callee.answerMediaUpdate(bridge.answer(BridgeSide.A, caller.kind(), sdpAnswer));
            } else if (renegotiating != null && side == renegotiating.other()) {
                BridgeSide offerer = renegotiating;
                renegotiating = null;
                legOf(offerer).answerMediaUpdate(bridge.answer(side, leg.kind(), sdpAnswer));
            } else {
                log.info("Call {}: unexpected media answer from {}", id, side);
                return;
            }
        } catch (MediaException e) {
            log.info("Call {}: media answer from {} refused: {}", id, side, e.getMessage());
            end(MEDIA_REFUSED, null);
            return;
        }
        Runnable next = deferredOffer;
        deferredOffer = null;
        if (next != null) {
            next.run();
        }
    }

    private synchronized void muteChanged(CallLeg leg, boolean audioMuted, boolean videoMuted) {
        BridgeSide side = sideOf(leg);
        if (side == null || state == CallState.ENDED) {
            return;
        }
        CallLeg other = legOf(side.other());
        if (other != null) {
            other.remoteMuteChanged(audioMuted, videoMuted);
        }
    }

    private synchronized void dtmf(CallLeg leg, char digit, int durationMillis) {
        BridgeSide side = sideOf(leg);
        if (side == null || state != CallState.ANSWERED) {
            return;
        }
        legOf(side.other()).sendDtmf(digit, durationMillis);
        env.publish(new CallEvent.Dtmf(id, now(), leg.kind(), digit));
    }

    // ---- ending

    /**
     * Ends the call once: tells every leg except the one that ended it, releases the media and the timers, and
     * reports the end. {@code endedBy} is the side whose leg ended, or null when the gateway or the routes ended it.
     */
    synchronized void end(EndReason reason, BridgeSide endedBy) {
        if (state == CallState.ENDED) {
            return;
        }
        moveTo(CallState.ENDED);
        cancelTimer();
        if (endedBy != BridgeSide.A) {
            caller.hangUp(reason);
        }
        if (callee != null && endedBy != BridgeSide.B) {
            callee.hangUp(reason);
        }
        if (bridge != null) {
            try {
                bridge.close();
            } catch (RuntimeException e) {
                log.warn("Call {}: media bridge did not close cleanly", id, e);
            }
        }
        deferredOffer = null;
        env.ended(this, reason);
        Optional<LegKind> by =
                endedBy == null ? Optional.empty() : Optional.of(legOf(endedBy).kind());
        env.publish(new CallEvent.Ended(id, now(), reason, by));
    }

    // ---- helpers

    private void moveTo(CallState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("Call " + id + ": " + state + " -> " + next + " is not a transition");
        }
        log.debug("Call {}: {} -> {}", id, state, next);
        state = next;
    }

    private void arm(Duration timeout, EndReason reason) {
        cancelTimer();
        CallState armedIn = state;
        timer = env.scheduler()
                .schedule(() -> submit(() -> expire(armedIn, reason)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void expire(CallState armedIn, EndReason reason) {
        if (state == armedIn) {
            log.info("Call {}: timed out in {}", id, state);
            end(reason, null);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private BridgeSide sideOf(CallLeg leg) {
        if (leg == caller) {
            return BridgeSide.A;
        }
        if (leg != null && leg == callee) {
            return BridgeSide.B;
        }
        return null;
    }

    private CallLeg legOf(BridgeSide side) {
        return side == BridgeSide.A ? caller : callee;
    }

    private Instant now() {
        return env.clock().instant();
    }

    private void withMdc(Runnable task) {
        MDC.put("callId", id);
        try {
            task.run();
        } finally {
            MDC.remove("callId");
        }
    }
}
