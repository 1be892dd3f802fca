package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegListener;
import dev.liaison.gateway.call.LegState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SIP dialog on the trunk seen as a {@link CallLeg}. Inbound legs are made by {@link InviteHandler} from an INVITE
 * of a trunk peer, outbound legs by {@link SipLegProvider}. This class holds the leg state ({@link LegState}, changed
 * only in {@link #transition}) and takes the call's commands; {@link LegNetworkEvents} takes what the network reports.
 * Both run through {@link LegActions} (under the leg's lock; listener events delivered after it, so a listener may call
 * back into any leg) and hand the work to the part that does the job: {@link InboundSetup} or {@link OutboundSetup}
 * (the dialog-creating INVITE), {@link OfferAnswer} (later offers and answers), {@link SessionRefresh} (RFC 4028),
 * {@link LegTransfer} (REFER), all sending through {@link DialogWire}.
 */
public final class SipLeg implements CallLeg {

    private static final Logger LOG = LoggerFactory.getLogger(SipLeg.class);
    static final String MDC_CALL_ID = "sip.callId";

    /** Who sent the dialog-creating INVITE. */
    enum Direction {
        INBOUND,
        OUTBOUND
    }

    private final SipContext ctx;
    private final String id;
    private final Direction direction;
    private final String sipCallId;
    private final String remoteIdentity;
    private final Instant created;
    private final String localTag;

    // Everything below is guarded by "this".
    private LegState state;
    private boolean released;
    private ScheduledFuture<?> answerTimer;
    /** Reliable provisional responses (RFC 3262), ours (inbound) or the far end's (outbound). */
    private final ReliableProvisionals reliable;

    private final LegActions actions;
    private final LegNetworkEvents network;
    private final DialogWire wire;
    private final OfferAnswer media;
    private final SessionRefresh refresh;
    private final LegTransfer transfer;
    /** One of the two, by direction. */
    private final InboundSetup inbound;

    private final OutboundSetup outbound;

    private SipLeg(
            SipContext ctx,
            Direction direction,
            String sipCallId,
            String remoteIdentity,
            String transport,
            SipURI target,
            Optional<ReplacedDialog> replaces,
            ServerTransaction inviteTx,
            Request inboundInvite) {
        this.ctx = ctx;
        this.id = "sip-" + UUID.randomUUID();
        this.direction = direction;
        this.sipCallId = sipCallId;
        this.remoteIdentity = remoteIdentity;
        this.created = ctx.clock.instant();
        this.localTag = Long.toHexString(UUID.randomUUID().getMostSignificantBits());
        this.state = direction == Direction.INBOUND ? LegState.CALLING : LegState.NEW;
        this.reliable = inboundInvite != null
                ? ReliableProvisionals.forInvite(ctx, inboundInvite)
                : ReliableProvisionals.forOutbound(ctx);
        this.actions = new LegActions(this, id, sipCallId, this::failed);
        this.network = new LegNetworkEvents(this, ctx);
        this.wire = new DialogWire(ctx, id, transport);
        this.media = new OfferAnswer(this, ctx, wire);
        this.refresh = new SessionRefresh(this, ctx, wire);
        this.transfer = new LegTransfer(this, ctx, wire);
        this.inbound =
                direction == Direction.INBOUND ? new InboundSetup(this, ctx, wire, inviteTx, inboundInvite) : null;
        this.outbound = direction == Direction.OUTBOUND ? new OutboundSetup(this, ctx, wire, target, replaces) : null;
    }

    static SipLeg outbound(SipContext ctx, SipURI target, Optional<ReplacedDialog> replaces) {
        String callId = ctx.provider.getNewCallId().getCallId();
        String transport = OutboundInvite.transportOf(ctx, target);
        return new SipLeg(ctx, Direction.OUTBOUND, callId, target.toString(), transport, target, replaces, null, null);
    }

    static SipLeg inbound(SipContext ctx, ServerTransaction inviteTx, Request invite) {
        String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        SipLeg leg = new SipLeg(
                ctx,
                Direction.INBOUND,
                callId,
                from.getAddress().getURI().toString(),
                InboundSetup.transportOf(invite),
                null,
                Optional.empty(),
                inviteTx,
                invite);
        leg.wire.use(inviteTx.getDialog());
        return leg;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LegKind kind() {
        return LegKind.SIP;
    }

    @Override
    public synchronized LegState state() {
        return state;
    }

    @Override
    public String remoteIdentity() {
        return remoteIdentity;
    }

    String sipCallId() {
        return sipCallId;
    }

    Direction direction() {
        return direction;
    }

    String localTag() {
        return localTag;
    }

    ReliableProvisionals reliable() {
        return reliable;
    }

    OfferAnswer media() {
        return media;
    }

    SessionRefresh refresh() {
        return refresh;
    }

    InboundSetup inbound() {
        return inbound;
    }

    OutboundSetup outbound() {
        return outbound;
    }

    LegTransfer transfer() {
        return transfer;
    }

    DialogWire wire() {
        return wire;
    }

    Duration sinceCreated() {
        return Duration.between(created, ctx.clock.instant());
    }

    @Override
    public void setListener(LegListener listener) {
        actions.setListener(listener);
    }

    // ---- commands from the call ----

    @Override
    public void start(Optional<String> sdpOffer) {
        act("start", () -> {
            if (direction != Direction.OUTBOUND || state != LegState.NEW) {
                ignored("start");
                return;
            }
            outbound.start(sdpOffer);
            transition(LegState.CALLING);
            startAnswerTimer();
        });
    }

    @Override
    public void ringing(Optional<String> earlySdp) {
        act("ringing", () -> {
            if (direction != Direction.INBOUND || !inbound.ringable()) {
                ignored("ringing");
                return;
            }
            inbound.ringing(earlySdp);
            transition(LegState.RINGING);
        });
    }

    @Override
    public void answer(String sdp) {
        act("answer", () -> {
            if (direction != Direction.INBOUND || !inbound.ringable()) {
                ignored("answer");
                return;
            }
            inbound.answer(sdp);
            cancelAnswerTimer();
            ctx.metrics.callSetup(true, "answered", sinceCreated());
            transition(LegState.ANSWERED);
        });
    }

    @Override
    public void reject(EndReason reason) {
        act("reject", () -> {
            if (direction != Direction.INBOUND || !inbound.ringable()) {
                ignored("reject");
                return;
            }
            refuseInbound(reason);
        });
    }

    @Override
    public void hangUp(EndReason reason) {
        act("hangUp", () -> {
            if (!transfer.deferHangUp(reason, this::hangUpNow)) {
                hangUpNow(reason);
            }
        });
    }

    private void hangUpNow(EndReason reason) throws Exception {
        switch (state) {
            case NEW -> end(reason, true);
            case CALLING, RINGING -> {
                if (direction == Direction.INBOUND) {
                    refuseInbound(reason);
                } else {
                    cancelOutbound(reason);
                }
            }
            case ANSWERED -> {
                if (direction == Direction.INBOUND && !inbound.canByeNow()) {
                    end(reason, false);
                } else {
                    try {
                        media.ackLateOfferWithoutAnswer();
                        wire.sendBye(reason);
                    } catch (SipException e) {
                        // The far end cannot be told (connection gone); the leg still ends for the reason asked, and
                        // the stack forgets the dialog, which no BYE transaction will end.
                        LOG.warn("Leg {}: BYE could not be sent: {}", id, e.toString());
                        wire.dialog().delete();
                    }
                    end(reason, true);
                }
            }
            case ENDED -> {
                // Idempotent.
            }
        }
    }

    @Override
    public synchronized boolean canTakeEarlyOffer() {
        return media.canTakeEarlyOffer();
    }

    @Override
    public void updateMedia(String sdpOffer) {
        act("updateMedia", () -> media.updateMedia(sdpOffer));
    }

    @Override
    public void answerMediaUpdate(String sdpAnswer) {
        act("answerMediaUpdate", () -> media.answerMediaUpdate(sdpAnswer));
    }

    @Override
    public void refuseMediaUpdate(int sipStatus, String reasonPhrase) {
        act("refuseMediaUpdate", () -> media.refuseMediaUpdate(sipStatus, reasonPhrase));
    }

    @Override
    public void reportTransferOutcome(int sipStatus, String reasonPhrase) {
        act("reportTransferOutcome", () -> transfer.reportOutcome(sipStatus, reasonPhrase));
    }

    @Override
    public void requestMediaOffer() {
        act("requestMediaOffer", media::requestOffer);
    }

    @Override
    public boolean canJoinAnotherCall() {
        return true;
    }

    @Override
    public synchronized LegState moveTo(LegListener from, LegListener to) {
        return actions.moveListener(from, to) ? state : LegState.ENDED;
    }

    // ---- what the parts use (under the lock) ----

    /** The network side: what the handlers and the dispatcher report for this leg's dialog. */
    LegNetworkEvents network() {
        return network;
    }

    /** Whether the stack may forget this leg: it ended and owes nothing on the wire. */
    synchronized boolean isReleased() {
        return released;
    }

    // ---- what the parts report (under the lock) ----

    /** Outbound: the far end rings, with early media SDP or not. */
    void ringingFarEnd(Optional<String> earlySdp) {
        transition(LegState.RINGING);
        event(l -> l.onRinging(this, earlySdp));
    }

    /** Outbound: the far end answered with {@code sdp} (its answer, or its offer for an offer-less INVITE). */
    void answeredByFarEnd(String sdp) {
        transition(LegState.ANSWERED);
        event(l -> l.onAnswered(this, sdp));
    }

    /** The far end ended the dialog or the setup with a final status. */
    void endByFarEnd(int status, String reasonPhrase) {
        end(EndReason.fromSipStatus(status, reasonPhrase), true);
    }

    /** Ends the leg and forgets it at once (nothing left owed on the wire). */
    void endNow(EndReason reason) {
        end(reason, true);
    }

    // ---- internals ----

    private void cancelOutbound(EndReason reason) throws SipException {
        cancelAnswerTimer();
        if (state == LegState.NEW) {
            end(reason, true);
            return;
        }
        outbound.cancel();
        // The leg stays registered until the INVITE's final response (487, or a 2xx that we end with BYE).
        end(reason, false);
    }

    private void refuseInbound(EndReason reason) throws Exception {
        inbound.refuse(reason);
        cancelAnswerTimer();
        end(reason, true);
    }

    private void startAnswerTimer() {
        long millis = ctx.properties.noAnswerTimeout().toMillis();
        answerTimer = ctx.scheduler.schedule(this::onAnswerTimeout, millis, TimeUnit.MILLISECONDS);
    }

    void startInboundAnswerTimer() {
        synchronized (this) {
            startAnswerTimer();
        }
    }

    private void onAnswerTimeout() {
        act("no-answer timeout", () -> {
            if (state == LegState.CALLING || state == LegState.RINGING) {
                LOG.info("Leg {}: not answered within {}", id, ctx.properties.noAnswerTimeout());
                if (direction == Direction.OUTBOUND) {
                    ctx.metrics.callSetup(false, "no-answer", sinceCreated());
                    cancelOutbound(EndReason.NO_ANSWER);
                } else {
                    refuseInbound(EndReason.NO_ANSWER);
                }
            }
        });
    }

    void cancelAnswerTimer() {
        if (answerTimer != null) {
            answerTimer.cancel(false);
            answerTimer = null;
        }
    }

    /** The one place where the leg state changes. */
    private void transition(LegState next) {
        boolean allowed =
                switch (state) {
                    case NEW -> next == LegState.CALLING || next == LegState.ENDED;
                    case CALLING -> next == LegState.RINGING || next == LegState.ANSWERED || next == LegState.ENDED;
                    case RINGING -> next == LegState.RINGING || next == LegState.ANSWERED || next == LegState.ENDED;
                    case ANSWERED -> next == LegState.ENDED;
                    case ENDED -> false;
                };
        if (!allowed) {
            throw new IllegalStateException("Leg " + id + ": no transition " + state + " -> " + next);
        }
        if (state != next) {
            LOG.debug("Leg {}: {} -> {}", id, state, next);
        }
        state = next;
    }

    /** Ends the leg (once) and, when {@code releaseNow}, forgets it; otherwise it stays until the wire is quiet. */
    private void end(EndReason reason, boolean releaseNow) {
        if (state != LegState.ENDED) {
            transition(LegState.ENDED);
            cancelAnswerTimer();
            refresh.stop();
            media.stop();
            transfer.cancel();
            LOG.info("Leg {} ended: {} ({})", id, reason.code(), reason.sipStatus());
            event(l -> l.onEnded(this, reason));
        }
        if (releaseNow) {
            release();
        }
    }

    void release() {
        if (!released) {
            released = true;
            cancelAnswerTimer();
            refresh.stop();
            media.stop();
            ctx.legs.remove(this);
        }
    }

    void ignored(String command) {
        LOG.info("Leg {}: {} ignored in state {}", id, command, state);
    }

    void event(Consumer<LegListener> delivery) {
        actions.event(delivery);
    }

    /** Runs {@code action} under the leg's lock, then delivers the events it raised ({@link LegActions}). */
    void act(String what, LegActions.Action action) {
        actions.run(what, action);
    }

    /** An action failed with something other than a {@link SipStatusException}: the leg ends with {@code error}. */
    private void failed() {
        if (state != LegState.ENDED) {
            end(EndReason.ERROR, true);
        } else {
            release();
        }
    }

    /** The SDP body of a message, when it has one. */
    static Optional<String> sdp(Message message) {
        return DialogWire.sdp(message);
    }

    @Override
    public String toString() {
        return "SipLeg[" + id + ", " + direction + ", " + sipCallId + "]";
    }
}
