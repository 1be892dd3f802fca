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
    static final EndReason TRANSFER_NOT_ROUTED = new EndReason("transfer-timeout", 408, "Transfer not routed in time");
    static final EndReason ATTENDED_UNSUPPORTED =
            new EndReason("transfer-unsupported", 501, "Attended transfer needs a target that can replace a dialog");
    static final EndReason TRANSFER_PENDING = new EndReason("transfer-pending", 491, "Request pending");
    /** How a call ends when its remaining side was joined to another call (docs/calls.md, Transfers). */
    static final EndReason JOINED = new EndReason("joined", 200, "Joined to another call");

    static final EndReason JOIN_GONE = new EndReason("join-gone", 481, "The call to join is not established");
    static final EndReason REPLACE_WITHOUT_OFFER =
            new EndReason("transfer-unsupported", 501, "Replacing a dialog needs an offer in the INVITE");
    static final EndReason JOIN_UNSUPPORTED =
            new EndReason("transfer-unsupported", 501, "Joining needs a SIP leg on the other call");

    private final String id;
    private CallLeg caller;
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
    /** The transfer one side asked for, from its request until the new leg replaced it or the transfer failed. */
    private Transfer transfer;
    /** A transfer target's answer that arrived during a renegotiation; the swap runs when that one completes. */
    private Runnable deferredSwap;
    /** The called side's answer that arrived during an early renegotiation; handled when that one completes. */
    private Runnable deferredAnswer;
    /** The renegotiation in progress carries a transfer target's offer to the remaining side. */
    private boolean transferOfferPending;
    /** A leg joined from another call that was asked for a fresh offer (offer-less re-INVITE), until it comes. */
    private CallLeg awaitingOfferFrom;
    /** The leg this call handed to another call (a join): it is not hung up when this call ends. */
    private CallLeg handedOver;
    /** A new caller that replaced one side (INVITE with Replaces): answered once the other side answers its offer. */
    private CallLeg replacingAnswer;

    /**
     * A transfer in progress (RFC 3515, with the gateway as transferee): the side that asked, the target once the
     * routes chose it, the dialog the target is to replace for an attended transfer (RFC 3891), and the new leg being
     * called. The call stays {@code ANSWERED} meanwhile.
     */
    private static final class Transfer {
        final BridgeSide side;
        final CallLeg transferor;
        final String requested;
        final Optional<String> replaces;
        /** For a join: the call the {@code Replaces} named, and its leg (the transferor's other dialog). */
        final Call joinCall;

        final CallLeg joinReplaced;
        String target;
        CallLeg leg;
        /** A join was asked of {@link #joinCall}: no other target may be chosen any more. */
        boolean joinAsked;

        boolean transferorGone;
        ScheduledFuture<?> timer;

        Transfer(BridgeSide side, CallLeg transferor, String requested, Optional<String> replaces) {
            this(side, transferor, requested, replaces, null, null);
        }

        Transfer(
                BridgeSide side,
                CallLeg transferor,
                String requested,
                Optional<String> replaces,
                Call joinCall,
                CallLeg joinReplaced) {
            this.side = side;
            this.transferor = transferor;
            this.requested = requested;
            this.replaces = replaces;
            this.target = requested;
            this.joinCall = joinCall;
            this.joinReplaced = joinReplaced;
        }

        boolean targetChosen() {
            return leg != null || joinAsked;
        }
    }

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
            created.get().hangUp(NO_MEDIA); // never started: released at once, not left behind
            end(NO_MEDIA, null);
            return;
        }
        LegKind calleeKind = created.get().kind();
        Optional<String> offer;
        try {
            offer = request.sdpOffer().map(sdp -> bridge.offer(BridgeSide.A, caller.kind(), calleeKind, sdp));
        } catch (MediaException e) {
            log.info("Call {}: media refused: {}", id, e.getMessage());
            created.get().hangUp(MEDIA_REFUSED);
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
    public void onMediaUpdateFailed(CallLeg leg, int sipStatus) {
        submit(() -> mediaUpdateFailed(leg, sipStatus));
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
        submit(() -> transferRequested(leg, transferTarget, replaces, null));
    }

    @Override
    public void onJoinRequested(CallLeg leg, String transferTarget, String replaces, CallLeg replaced) {
        submit(() -> transferRequested(leg, transferTarget, Optional.of(replaces), replaced));
    }

    /** Whether {@code leg} is one of this call's two sides now. */
    synchronized boolean owns(CallLeg leg) {
        return state != CallState.ENDED && sideOf(leg) != null;
    }

    // ---- transfer (the gateway as transferee: the remaining side is connected to a new leg)

    private synchronized void transferRequested(
            CallLeg leg, String requested, Optional<String> replaces, CallLeg joinReplaced) {
        BridgeSide side = sideOf(leg);
        if (side == null) {
            return;
        }
        if (state != CallState.ANSWERED) {
            leg.reportTransferOutcome(EndReason.FORBIDDEN.sipStatus(), "Call not established");
            return;
        }
        if (transfer != null || calleeOfferPending) {
            log.info("Call {}: transfer to {} refused, another is in progress", id, requested);
            leg.reportTransferOutcome(TRANSFER_PENDING.sipStatus(), TRANSFER_PENDING.text());
            return;
        }
        Call joinCall = null;
        if (joinReplaced != null) {
            // The Replaces names another dialog of this node: the transferor's other call, to be joined with this one.
            Optional<Call> other = env.callOf(joinReplaced);
            if (other.isEmpty() || other.get() == this) {
                EndReason refusal = other.isEmpty() ? JOIN_GONE : JOIN_UNSUPPORTED;
                log.info("Call {}: join with the call of {} refused: {}", id, joinReplaced.id(), refusal.code());
                leg.reportTransferOutcome(refusal.sipStatus(), refusal.text());
                return;
            }
            joinCall = other.get();
        }
        String destination = destinationOf(requested);
        env.publish(new CallEvent.TransferRequested(id, now(), leg.kind(), requested, destination, replaces));
        transfer = new Transfer(side, leg, requested, replaces, joinCall, joinReplaced);
        log.info(
                "Call {}: side {} asks for a{} transfer to {}",
                id,
                side,
                replaces.isPresent() ? "n attended" : "",
                requested);
        Transfer current = transfer;
        current.timer = schedule(env.answerTimeout(), () -> transferExpired(current));
        if (!env.transfersRouted()) {
            env.transferUnrouted(this, requested);
        }
    }

    /** The user part of a SIP URI ({@code sip:support@host} is {@code support}), else the target itself. */
    static String destinationOf(String target) {
        String rest = target;
        int colon = rest.indexOf(':');
        if (rest.regionMatches(true, 0, "sip:", 0, 4) || rest.regionMatches(true, 0, "sips:", 0, 5)) {
            rest = rest.substring(colon + 1);
            int at = rest.indexOf('@');
            if (at < 0) {
                return target;
            }
            String user = rest.substring(0, at);
            int params = user.indexOf(';');
            return params >= 0 ? user.substring(0, params) : user;
        }
        return target;
    }

    /**
     * The routes chose where the pending transfer goes: call the target with an offer-less new leg, which for an
     * attended transfer asks the target to replace the dialog the transferor named.
     */
    synchronized void transferTo(LegProvider provider, String newTarget) {
        if (transfer == null || transfer.targetChosen() || state != CallState.ANSWERED) {
            log.info("Call {}: transfer to {} ignored, no transfer request waits", id, newTarget);
            return;
        }
        if (transfer.joinCall != null) {
            askJoin(provider, newTarget);
            return;
        }
        if (transfer.replaces.isPresent() && !provider.canReplaceDialogs()) {
            transfer.target = newTarget;
            failTransfer(ATTENDED_UNSUPPORTED);
            return;
        }
        Optional<CallLeg> created = transfer.replaces.isPresent()
                ? provider.createReplacing(newTarget, id, request, transfer.replaces.get())
                : provider.createOutbound(newTarget, id, request);
        if (created.isEmpty()) {
            transfer.target = newTarget;
            failTransfer(EndReason.NOT_FOUND);
            return;
        }
        Transfer current = transfer;
        current.target = newTarget;
        current.leg = created.get();
        current.leg.setListener(this);
        cancel(current.timer);
        current.timer = schedule(env.answerTimeout(), () -> transferExpired(current));
        log.info("Call {}: transferring side {} to {} ({})", id, current.side, newTarget, current.leg.kind());
        // Third-party call control (RFC 3725 flow I): the new leg makes the offer, the remaining side answers it.
        current.leg.start(Optional.empty());
    }

    /** The routes refused the pending transfer (or its target is not allowed): the transferor is told, the call goes on. */
    synchronized void refuseTransfer(EndReason reason, String refusedTarget) {
        if (transfer == null || transfer.targetChosen()) {
            log.info("Call {}: transfer refusal ignored, no transfer request waits", id);
            return;
        }
        if (refusedTarget != null) {
            transfer.target = refusedTarget;
        }
        failTransfer(reason);
    }

    private synchronized void transferExpired(Transfer expired) {
        if (transfer != expired) {
            return;
        }
        if (expired.leg != null) {
            expired.leg.hangUp(EndReason.NO_ANSWER);
            failTransfer(EndReason.NO_ANSWER);
        } else {
            failTransfer(TRANSFER_NOT_ROUTED);
        }
    }

    /** The new leg answered with its offer: it takes the transferor's side and the remaining side answers its offer. */
    private void transferAnswered(String offerOfNewLeg) {
        if (renegotiating != null || calleeOfferPending) {
            deferredSwap = () -> transferAnswered(offerOfNewLeg);
            return;
        }
        Transfer done = transfer;
        BridgeSide side = done.side;
        CallLeg remaining = legOf(side.other());
        String offer;
        try {
            offer = bridge.offer(side, done.leg.kind(), remaining.kind(), offerOfNewLeg);
        } catch (MediaException e) {
            log.info("Call {}: the transfer target's offer was refused: {}", id, e.getMessage());
            done.leg.hangUp(MEDIA_REFUSED);
            failTransfer(MEDIA_REFUSED);
            return;
        }
        cancel(done.timer);
        transfer = null;
        CallLeg old = legOf(side);
        if (side == BridgeSide.A) {
            caller = done.leg;
        } else {
            callee = done.leg;
        }
        target = done.target;
        renegotiating = side;
        transferOfferPending = true;
        remaining.updateMedia(offer);
        if (!done.transferorGone) {
            old.reportTransferOutcome(200, "OK");
            old.hangUp(EndReason.NORMAL);
        }
        log.info("Call {}: transferred, side {} is now {}", id, side, done.target);
        env.publish(new CallEvent.Transferred(id, now(), done.leg.kind(), done.target));
    }

    // ---- replacement (an INVITE with Replaces for one of this call's legs, RFC 3891)

    /**
     * A new caller takes over {@code replaced}'s side ({@code newLeg} already has this call as its listener): its offer goes through the bridge to the other side (a
     * renegotiation), the other side's answer becomes the new caller's answer, and the replaced leg gets BYE. Refused
     * (the new caller only) when the call is not answered or busy with another exchange, or the new caller has no
     * offer.
     */
    synchronized void replaceSide(CallLeg replaced, CallLeg newLeg, Optional<String> offer) {
        if (newLeg.state() == LegState.ENDED) {
            log.info("Call {}: the replacing caller {} is gone already", id, newLeg.id());
            return;
        }
        BridgeSide side = sideOf(replaced);
        if (side == null || state != CallState.ANSWERED) {
            newLeg.reject(JOIN_GONE);
            return;
        }
        if (transfer != null || renegotiating != null || calleeOfferPending || awaitingOfferFrom != null) {
            newLeg.reject(TRANSFER_PENDING);
            return;
        }
        if (offer.isEmpty()) {
            newLeg.reject(REPLACE_WITHOUT_OFFER);
            return;
        }
        CallLeg other = legOf(side.other());
        String brokerOffer;
        try {
            brokerOffer = bridge.offer(side, newLeg.kind(), other.kind(), offer.get());
        } catch (MediaException e) {
            log.info("Call {}: the replacing caller's offer was refused: {}", id, e.getMessage());
            newLeg.reject(MEDIA_REFUSED);
            return;
        }
        if (side == BridgeSide.A) {
            caller = newLeg;
        } else {
            callee = newLeg;
        }
        renegotiating = side;
        transferOfferPending = true;
        replacingAnswer = newLeg;
        other.updateMedia(brokerOffer);
        replaced.hangUp(EndReason.NORMAL);
        log.info("Call {}: side {} replaced by {} ({})", id, side, newLeg.id(), newLeg.remoteIdentity());
        env.publish(new CallEvent.Transferred(id, now(), newLeg.kind(), newLeg.remoteIdentity()));
    }

    // ---- join (an attended transfer between two calls of this node)

    /**
     * The pending transfer's {@code Replaces} named the transferor's other call here, and the routes (or the gateway)
     * let it go on: that call is asked to hand over its remaining side ({@link #handOver}), which then takes the
     * transferor's side in this call ({@link #adopt}). Only SIP resolutions go on; the target is only recorded, since
     * nothing is dialled.
     */
    private void askJoin(LegProvider provider, String newTarget) {
        Transfer current = transfer;
        current.target = newTarget;
        if (provider.kind() != LegKind.SIP) {
            failTransfer(ATTENDED_UNSUPPORTED);
            return;
        }
        current.joinAsked = true;
        log.info("Call {}: joining side {}'s place with call {}", id, current.side, current.joinCall.id());
        Call other = current.joinCall;
        other.submit(() -> other.handOver(current.joinReplaced, this, current));
    }

    /**
     * Another call joins this one's remaining side ({@code replaced} is the transferor's leg here): when this call is
     * answered and idle and the remaining side can move, it is handed to {@code to} and this call ends with
     * {@code joined} (the transferor's leg hung up, the bridge released); else {@code to} hears why not.
     */
    private synchronized void handOver(CallLeg replaced, Call to, Transfer token) {
        BridgeSide side = sideOf(replaced);
        EndReason refusal = null;
        if (side == null || state != CallState.ANSWERED) {
            refusal = JOIN_GONE;
        } else if (transfer != null || renegotiating != null || calleeOfferPending) {
            refusal = TRANSFER_PENDING;
        } else if (!legOf(side.other()).canJoinAnotherCall()) {
            refusal = JOIN_UNSUPPORTED;
        }
        if (refusal != null) {
            EndReason why = refusal;
            log.info("Call {}: not handed over to call {}: {}", id, to.id(), why.code());
            to.submit(() -> to.joinRefused(token, why));
            return;
        }
        CallLeg remaining = legOf(side.other());
        handedOver = remaining;
        log.info("Call {}: side {} handed over to call {}", id, side.other(), to.id());
        end(JOINED, null);
        to.submit(() -> to.adopt(token, remaining, this));
    }

    private synchronized void joinRefused(Transfer token, EndReason reason) {
        if (transfer == token) {
            failTransfer(reason);
        }
    }

    /** The other call handed {@code joined} over: it becomes this call's listener, then takes the transferor's side. */
    private synchronized void adopt(Transfer token, CallLeg joined, Call from) {
        LegState joinedState = joined.moveTo(from, this);
        if (transfer != token || state != CallState.ANSWERED) {
            log.info("Call {}: the joined leg {} arrived too late, hung up", id, joined.id());
            joined.hangUp(EndReason.NORMAL);
            return;
        }
        if (joinedState != LegState.ANSWERED) {
            joined.hangUp(EndReason.NORMAL);
            failTransfer(JOIN_GONE);
            return;
        }
        token.leg = joined;
        joinSwap();
    }

    /**
     * The joined leg takes the transferor's side; it is asked for a fresh offer (an offer-less re-INVITE), which goes
     * through this call's bridge to the remaining side like any renegotiation, and the remaining side's answer comes
     * back to it (in the ACK). The transferor hears 200 and is hung up.
     */
    private void joinSwap() {
        if (renegotiating != null || calleeOfferPending) {
            deferredSwap = this::joinSwap;
            return;
        }
        Transfer done = transfer;
        cancel(done.timer);
        transfer = null;
        BridgeSide side = done.side;
        CallLeg old = legOf(side);
        if (side == BridgeSide.A) {
            caller = done.leg;
        } else {
            callee = done.leg;
        }
        target = done.target;
        awaitingOfferFrom = done.leg;
        done.leg.requestMediaOffer();
        if (!done.transferorGone) {
            old.reportTransferOutcome(200, "OK");
            old.hangUp(EndReason.NORMAL);
        }
        log.info(
                "Call {}: joined with call {}, side {} is now its leg {}", id, done.joinCall.id(), side, done.leg.id());
        env.publish(
                new CallEvent.Transferred(id, now(), done.leg.kind(), done.target, Optional.of(done.joinCall.id())));
    }

    /**
     * The transfer did not happen. The transferor hears the status in its final NOTIFY and keeps the call; when it has
     * hung up already, the remaining side is left alone and the call ends with {@code transfer-failed}.
     */
    private void failTransfer(EndReason reason) {
        Transfer failed = transfer;
        transfer = null;
        cancel(failed.timer);
        log.info("Call {}: transfer to {} failed: {} ({})", id, failed.target, reason.code(), reason.sipStatus());
        env.publish(new CallEvent.TransferFailed(id, now(), failed.transferor.kind(), failed.target, reason));
        if (failed.transferorGone) {
            end(new EndReason("transfer-failed", reason.sipStatus(), "Transfer failed: " + reason.text()), null);
        } else {
            failed.transferor.reportTransferOutcome(reason.sipStatus(), reason.text());
        }
    }

    private boolean isTransferLeg(CallLeg leg) {
        return transfer != null && leg != null && leg == transfer.leg;
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
        if (isTransferLeg(leg) && state == CallState.ANSWERED) {
            transferAnswered(sdp);
            return;
        }
        if (sideOf(leg) != BridgeSide.B || state != CallState.CONNECTING) {
            return;
        }
        if (renegotiating != null) {
            // An early offer is on its way (RFC 3311): the answer's SDP is taken once that exchange completes.
            deferredAnswer = () -> answered(leg, sdp);
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
        if (isTransferLeg(leg)) {
            failTransfer(reason);
            return;
        }
        BridgeSide side = sideOf(leg);
        if (side == null) {
            return;
        }
        if (transfer != null && transfer.side == side && state == CallState.ANSWERED) {
            // Blind transfer: the transferor may hang up once its REFER is accepted; the remaining side waits.
            log.info("Call {}: the transferor hung up ({}), the transfer goes on", id, reason.code());
            transfer.transferorGone = true;
            if (renegotiating == side.other()) {
                renegotiating = null;
                legOf(side.other()).refuseMediaUpdate(500, "Transfer in progress");
            }
            deferredOffer = null;
            return;
        }
        end(reason, side);
    }

    private synchronized void mediaOffer(CallLeg leg, String sdpOffer) {
        if (isTransferLeg(leg)) {
            leg.refuseMediaUpdate(500, "Offers are relayed once answered");
            return;
        }
        BridgeSide side = sideOf(leg);
        if (side == null || state == CallState.ENDED) {
            return;
        }
        if (awaitingOfferFrom != null) {
            if (leg != awaitingOfferFrom) {
                // The joined leg's offer goes first; this one waits for that exchange.
                deferredOffer = () -> mediaOffer(leg, sdpOffer);
                return;
            }
            awaitingOfferFrom = null;
            transferOfferPending = true;
        }
        if (transfer != null && transfer.transferorGone) {
            log.info("Call {}: offer from {} refused while the transfer target is called", id, side);
            leg.refuseMediaUpdate(500, "Transfer in progress");
            return;
        }
        if (state != CallState.ANSWERED) {
            CallLeg other = legOf(side.other());
            boolean relayable = state == CallState.CONNECTING
                    && other != null
                    && renegotiating == null
                    && !calleeOfferPending
                    && other.canTakeEarlyOffer();
            if (!relayable) {
                log.info("Call {}: early offer from {} refused (the other side cannot take one now)", id, side);
                leg.refuseMediaUpdate(500, "Early offer not relayed");
                return;
            }
            log.info("Call {}: early offer from {} relayed", id, side);
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
        if (side == null || state == CallState.ENDED || (state != CallState.ANSWERED && renegotiating == null)) {
            return;
        }
        try {
            if (calleeOfferPending && side == BridgeSide.A) {
                calleeOfferPending = false;
                callee.answerMediaUpdate(bridge.answer(BridgeSide.A, caller.kind(), sdpAnswer));
            } else if (renegotiating != null && side == renegotiating.other()) {
                BridgeSide offerer = renegotiating;
                renegotiating = null;
                transferOfferPending = false;
                String answer = bridge.answer(side, leg.kind(), sdpAnswer);
                CallLeg offering = legOf(offerer);
                if (offering == replacingAnswer) {
                    // The replacing caller's INVITE is answered with the other side's answer.
                    replacingAnswer = null;
                    offering.answer(answer);
                } else {
                    offering.answerMediaUpdate(answer);
                }
            } else {
                log.info("Call {}: unexpected media answer from {}", id, side);
                return;
            }
        } catch (MediaException e) {
            log.info("Call {}: media answer from {} refused: {}", id, side, e.getMessage());
            end(MEDIA_REFUSED, null);
            return;
        }
        afterNegotiation();
    }

    /** The other side refused the offer being relayed: the offering side is refused too, and the media stay. */
    private synchronized void mediaUpdateFailed(CallLeg leg, int sipStatus) {
        if (leg != null && leg == awaitingOfferFrom && state != CallState.ENDED) {
            // The joined leg gave no offer: there is no media to go back to.
            log.info("Call {}: the joined leg gave no offer ({})", id, sipStatus);
            awaitingOfferFrom = null;
            end(MEDIA_REFUSED, null);
            return;
        }
        BridgeSide side = sideOf(leg);
        if (side == null || state == CallState.ENDED || renegotiating == null || side != renegotiating.other()) {
            return;
        }
        BridgeSide offerer = renegotiating;
        renegotiating = null;
        if (transferOfferPending) {
            // The remaining side refused the transfer target's offer: there is no media to go back to.
            log.info("Call {}: the transfer target's offer was refused by {} ({})", id, side, sipStatus);
            end(MEDIA_REFUSED, null);
            return;
        }
        log.info("Call {}: {} refused the offer from {} ({}); media stay as they were", id, side, offerer, sipStatus);
        legOf(offerer).refuseMediaUpdate(500, "Offer refused by the other side");
        afterNegotiation();
    }

    /** What waited for a renegotiation to complete: the called side's answer, a transfer's swap, then one offer. */
    private void afterNegotiation() {
        Runnable answer = deferredAnswer;
        deferredAnswer = null;
        if (answer != null) {
            answer.run();
        }
        if (renegotiating != null || calleeOfferPending || state == CallState.ENDED) {
            return;
        }
        Runnable swap = deferredSwap;
        deferredSwap = null;
        if (swap != null && transfer != null) {
            swap.run();
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
        CallLeg other = legOf(side.other());
        if (!dtmfInMedia(side.other(), other, digit, durationMillis)) {
            other.sendDtmf(digit, durationMillis);
        }
        env.publish(new CallEvent.Dtmf(id, now(), leg.kind(), digit));
    }

    /**
     * A key the broker read in the telephone-events side {@code from} sent. The events already went on to the other
     * side in the media; a client leg there also gets the digit as a message (a browser page shows the key, and the
     * events in its RTP stream are not surfaced to the page). Published as {@code call.dtmf} exactly once per key.
     */
    synchronized void mediaDtmf(BridgeSide from, char digit, int durationMillis) {
        if (state != CallState.ANSWERED) {
            return;
        }
        CallLeg leg = legOf(from);
        CallLeg other = legOf(from.other());
        if (leg == null || other == null) {
            return;
        }
        if (other.kind() == LegKind.CLIENT) {
            other.sendDtmf(digit, durationMillis);
        }
        env.publish(new CallEvent.Dtmf(id, now(), leg.kind(), digit));
    }

    /**
     * Towards a phone, a digit goes into the media as RFC 4733 telephone events (what phones and PBXs listen for);
     * false when there is no bridge or the broker refuses (no telephone-event negotiated), and the leg's own way
     * (SIP INFO, a client message) is used instead.
     */
    private boolean dtmfInMedia(BridgeSide towards, CallLeg other, char digit, int durationMillis) {
        if (bridge == null || other.kind() != LegKind.SIP) {
            return false;
        }
        try {
            bridge.sendDtmf(towards, digit, durationMillis);
            return true;
        } catch (MediaException e) {
            log.info("Call {}: DTMF not sent in the media, out of band instead: {}", id, e.getMessage());
            return false;
        }
    }

    /** The bridge and both legs while the call is answered, for {@link QualityReporter}; else null. */
    synchronized QualityReporter.Target qualityTarget() {
        if (state != CallState.ANSWERED || bridge == null || callee == null) {
            return null;
        }
        return new QualityReporter.Target(bridge, caller, callee);
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
        if (endedBy != BridgeSide.A && caller != handedOver) {
            caller.hangUp(reason);
        }
        if (callee != null && endedBy != BridgeSide.B && callee != handedOver) {
            callee.hangUp(reason);
        }
        if (transfer != null) {
            cancel(transfer.timer);
            if (transfer.leg != null) {
                transfer.leg.hangUp(reason);
            }
            transfer = null;
        }
        deferredSwap = null;
        deferredAnswer = null;
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

    private ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return env.scheduler().schedule(() -> submit(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
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
