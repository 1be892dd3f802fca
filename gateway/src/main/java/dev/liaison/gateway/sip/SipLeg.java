package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegListener;
import dev.liaison.gateway.call.LegState;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One SIP dialog on the trunk seen as a {@link CallLeg}. Inbound legs are made by {@link InviteHandler} from an INVITE
 * of a trunk peer, outbound legs by {@link SipLegProvider}. The leg state ({@link LegState}) changes only in
 * {@link #transition}; the SIP detail (which transaction is pending, whether an ACK or a CANCEL is owed) lives in a few
 * fields next to it. Every command and every network event runs under the leg's lock; listener events are collected
 * during it and delivered after the lock is released, so a listener may call back into any leg.
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

    // Everything below is guarded by "this".
    private LegState state;
    private LegListener listener;
    private final List<Runnable> events = new ArrayList<>();
    private boolean released;
    private Dialog dialog;
    private String localSdp;
    private ScheduledFuture<?> answerTimer;
    /** A far-end re-INVITE or UPDATE with an offer, waiting for {@link #answerMediaUpdate}. */
    private final ReceivedOffer receivedOffer;
    /** Our re-INVITE waiting for its final response. */
    private ClientTransaction pendingUpdate;
    /** Reliable provisional responses (RFC 3262), ours (inbound) or the far end's (outbound). */
    private final ReliableProvisionals reliable;
    /** The session timer (RFC 4028). */
    private final SessionTimer sessionTimer;
    /** Our session refresh (UPDATE or re-INVITE without a new offer) waiting for its final response. */
    private ClientTransaction refreshTx;
    /** Whether the far end accepts UPDATE (from its Allow), so that a refresh needs no SDP. */
    private boolean farEndAllowsUpdate;
    /** The subscription of the far end's REFER, while its final NOTIFY is owed. */
    private TransferSubscription transfer;
    /** The early dialog's first offer/answer is complete in a reliable 18x (ours inbound, the far end's outbound). */
    private boolean earlyAnswered;
    /** Outbound: whether the far end's reliable 18x allowed UPDATE, and the early dialog it created. */
    private boolean earlyAllowsUpdate;

    private Dialog earlyDialog;

    // Outbound only.
    private final SipURI target;
    /** The dialog the far end is asked to replace (attended transfer, RFC 3891). */
    private final Optional<ReplacedDialog> replaces;

    private ClientTransaction inviteTx;
    private boolean offerless;
    private boolean provisionalSeen;
    private boolean cancelOwed;
    private boolean authRetried;
    /** A 2xx carrying the far end's offer (late offer): its ACK waits for our answer. */
    private Response lateOfferAnswer;

    private boolean sessionIntervalRetried;

    // Inbound only.
    private final ServerTransaction inviteServerTx;
    private final Request inboundInvite;
    private final String localTag;
    private boolean acked;
    private boolean byeOwedAfterAck;

    private SipLeg(
            SipContext ctx,
            Direction direction,
            String sipCallId,
            String remoteIdentity,
            SipURI target,
            Optional<ReplacedDialog> replaces,
            ServerTransaction inviteServerTx,
            Request inboundInvite) {
        this.ctx = ctx;
        this.id = "sip-" + UUID.randomUUID();
        this.direction = direction;
        this.sipCallId = sipCallId;
        this.remoteIdentity = remoteIdentity;
        this.created = ctx.clock.instant();
        this.target = target;
        this.replaces = replaces;
        this.inviteServerTx = inviteServerTx;
        this.inboundInvite = inboundInvite;
        this.localTag = Long.toHexString(UUID.randomUUID().getMostSignificantBits());
        this.state = direction == Direction.INBOUND ? LegState.CALLING : LegState.NEW;
        this.reliable = inboundInvite != null
                ? ReliableProvisionals.forInvite(ctx, inboundInvite)
                : ReliableProvisionals.forOutbound(ctx);
        this.receivedOffer = new ReceivedOffer(ctx);
        this.sessionTimer = new SessionTimer(
                ctx.timers,
                () -> act("session refresh", this::refreshSession),
                () -> act("session expiry", this::sessionExpired));
    }

    static SipLeg outbound(SipContext ctx, SipURI target, Optional<ReplacedDialog> replaces) {
        String callId = ctx.provider.getNewCallId().getCallId();
        return new SipLeg(ctx, Direction.OUTBOUND, callId, target.toString(), target, replaces, null, null);
    }

    static SipLeg inbound(SipContext ctx, ServerTransaction inviteTx, Request invite) {
        String callId =
                ((javax.sip.header.CallIdHeader) invite.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        javax.sip.header.FromHeader from =
                (javax.sip.header.FromHeader) invite.getHeader(javax.sip.header.FromHeader.NAME);
        SipLeg leg = new SipLeg(
                ctx,
                Direction.INBOUND,
                callId,
                from.getAddress().getURI().toString(),
                null,
                Optional.empty(),
                inviteTx,
                invite);
        leg.dialog = inviteTx.getDialog();
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

    @Override
    public void setListener(LegListener listener) {
        synchronized (this) {
            if (this.listener != null) {
                LOG.warn("Leg {}: listener already set, keeping the first", id);
                return;
            }
            this.listener = listener;
        }
    }

    // ---- commands from the call ----

    @Override
    public void start(Optional<String> sdpOffer) {
        act("start", () -> {
            if (direction != Direction.OUTBOUND || state != LegState.NEW) {
                ignored("start");
                return;
            }
            offerless = sdpOffer.isEmpty();
            Request invite = new OutboundInvite(ctx).build(target, sipCallId, localTag, sdpOffer, replaces);
            localSdp = sdpOffer.orElse(null);
            inviteTx = ctx.clientTransaction(invite);
            dialog = inviteTx.getDialog();
            inviteTx.sendRequest();
            transition(LegState.CALLING);
            startAnswerTimer();
        });
    }

    @Override
    public void ringing(Optional<String> earlySdp) {
        act("ringing", () -> {
            if (direction != Direction.INBOUND || !(state == LegState.CALLING || state == LegState.RINGING)) {
                ignored("ringing");
                return;
            }
            int status = earlySdp.isPresent() ? Response.SESSION_PROGRESS : Response.RINGING;
            if (reliable.ours()) {
                Response response = dialog.createReliableProvisionalResponse(status);
                earlySdp.ifPresent(sdp -> setSdp(response, sdp));
                boolean sent = reliable.send(dialog, response, localTag, ctx.contact(transport()));
                if (sent && earlySdp.isPresent() && sdp(inboundInvite).isPresent()) {
                    earlyAnswered = true;
                    localSdp = earlySdp.get();
                }
            } else {
                Response response = inboundResponse(status);
                earlySdp.ifPresent(sdp -> setSdp(response, sdp));
                send(response);
            }
            transition(LegState.RINGING);
        });
    }

    @Override
    public void answer(String sdp) {
        act("answer", () -> {
            if (direction != Direction.INBOUND || !(state == LegState.CALLING || state == LegState.RINGING)) {
                ignored("answer");
                return;
            }
            Response ok = inboundResponse(Response.OK);
            setSdp(ok, sdp);
            localSdp = sdp;
            farEndAllowsUpdate = OptionTags.allows(inboundInvite, Request.UPDATE);
            SessionTimer.Interval interval =
                    SessionTimer.forReceived(inboundInvite, ctx.properties.sessionTimerInterval(), Optional.empty());
            SessionTimer.addToResponse(ctx, inboundInvite, ok, interval);
            // RFC 3262 3: no 2xx before the PRACK of a reliable provisional response that may carry SDP.
            if (!reliable.holdUntilPrack(ok)) {
                send(ok);
            }
            sessionTimer.run(Optional.of(interval));
            cancelAnswerTimer();
            ctx.metrics.callSetup(true, "answered", Duration.between(created, ctx.clock.instant()));
            transition(LegState.ANSWERED);
        });
    }

    @Override
    public void reject(EndReason reason) {
        act("reject", () -> {
            if (direction != Direction.INBOUND || !(state == LegState.CALLING || state == LegState.RINGING)) {
                ignored("reject");
                return;
            }
            refuseInbound(reason);
        });
    }

    @Override
    public void hangUp(EndReason reason) {
        act("hangUp", () -> {
            if (state == LegState.ANSWERED && transfer != null && transfer.finalPending()) {
                // The transferor's final NOTIFY is on its way: the BYE follows its response, so the two never cross.
                transfer.afterFinal(() -> {
                    try {
                        hangUpNow(reason);
                    } catch (Exception e) {
                        LOG.warn("Leg {}: hang-up after the final NOTIFY failed: {}", id, e.toString());
                        end(reason, true);
                    }
                });
                return;
            }
            hangUpNow(reason);
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
                if (direction == Direction.INBOUND && !acked) {
                    byeOwedAfterAck = true;
                    end(reason, false);
                } else {
                    try {
                        if (lateOfferAnswer != null) {
                            sendAck(lateOfferAnswer, Optional.empty());
                            lateOfferAnswer = null;
                        }
                        sendBye(reason);
                    } catch (SipException e) {
                        // The far end cannot be told (connection gone); the leg still ends for the reason asked, and
                        // the stack forgets the dialog, which no BYE transaction will end.
                        LOG.warn("Leg {}: BYE could not be sent: {}", id, e.toString());
                        dialog.delete();
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
        if (state != LegState.RINGING
                || !earlyAnswered
                || pendingUpdate != null
                || receivedOffer.pending()
                || refreshTx != null) {
            return false;
        }
        if (direction == Direction.INBOUND) {
            return !reliable.awaitingPrack() && OptionTags.allows(inboundInvite, Request.UPDATE) && canSendInDialog();
        }
        return earlyAllowsUpdate && earlyDialog != null && earlyDialog.getState() == javax.sip.DialogState.EARLY;
    }

    /** An offer in the early dialog (RFC 3311): UPDATE with SDP, answered in its 200 ({@code onMediaAnswer}). */
    private void sendEarlyUpdate(String sdpOffer) throws Exception {
        Dialog early = direction == Direction.OUTBOUND ? earlyDialog : dialog;
        Request update = early.createRequest(Request.UPDATE);
        update.setHeader(ctx.contact(transport()));
        setSdp(update, sdpOffer);
        ClientTransaction transaction = ctx.clientTransaction(update);
        early.sendRequest(transaction);
        pendingUpdate = transaction;
        localSdp = sdpOffer;
        LOG.info("Leg {}: offer sent by UPDATE in the early dialog", id);
    }

    @Override
    public void updateMedia(String sdpOffer) {
        act("updateMedia", () -> {
            if (state == LegState.RINGING && canTakeEarlyOffer()) {
                sendEarlyUpdate(sdpOffer);
                return;
            }
            if (state != LegState.ANSWERED
                    || pendingUpdate != null
                    || receivedOffer.pending()
                    || refreshTx != null
                    || !canSendInDialog()) {
                ignored("updateMedia");
                return;
            }
            Request reInvite = dialog.createRequest(Request.INVITE);
            reInvite.setHeader(ctx.contact(transport()));
            addSessionTimerTo(reInvite);
            setSdp(reInvite, sdpOffer);
            ClientTransaction transaction = ctx.clientTransaction(reInvite);
            dialog.sendRequest(transaction);
            pendingUpdate = transaction;
            localSdp = sdpOffer;
        });
    }

    @Override
    public void answerMediaUpdate(String sdpAnswer) {
        act("answerMediaUpdate", () -> {
            if (state == LegState.ENDED) {
                ignored("answerMediaUpdate");
            } else if (lateOfferAnswer != null) {
                sendAck(lateOfferAnswer, Optional.of(sdpAnswer));
                lateOfferAnswer = null;
                localSdp = sdpAnswer;
            } else if (receivedOffer.pending()) {
                Request offer = receivedOffer.request();
                Response ok = ctx.messages.createResponse(Response.OK, offer);
                ok.setHeader(ctx.contact(transport()));
                setSdp(ok, sdpAnswer);
                refreshedBy(offer, ok);
                ServerTransaction transaction = receivedOffer.take();
                transaction.sendResponse(ok);
                ctx.metrics.response(Response.OK, true);
                localSdp = sdpAnswer;
            } else {
                ignored("answerMediaUpdate");
            }
        });
    }

    @Override
    public void refuseMediaUpdate(int sipStatus, String reasonPhrase) {
        act("refuseMediaUpdate", () -> {
            if (state == LegState.ENDED || !receivedOffer.pending()) {
                ignored("refuseMediaUpdate");
            } else {
                LOG.info(
                        "Leg {}: {} offer refused with {}",
                        id,
                        receivedOffer.request().getMethod(),
                        sipStatus);
                receivedOffer.refuse(sipStatus, reasonPhrase);
            }
        });
    }

    @Override
    public void reportTransferOutcome(int sipStatus, String reasonPhrase) {
        act("reportTransferOutcome", () -> {
            if (transfer == null || !transfer.active() || state != LegState.ANSWERED) {
                ignored("reportTransferOutcome");
                return;
            }
            if (sipStatus < 200 || sipStatus > 699) {
                LOG.warn("Leg {}: transfer outcome {} is not a final SIP status, ignored", id, sipStatus);
                return;
            }
            transfer.finish(sipStatus, reasonPhrase);
        });
    }

    // ---- events from the network (called by the handlers and the dispatcher) ----

    void onInviteResponse(ClientTransaction transaction, Response response, Dialog responseDialog) {
        act("INVITE response", () -> {
            if (transaction != null && transaction == pendingUpdate) {
                onReInviteResponse(response);
            } else if (transaction != null && transaction == refreshTx) {
                onRefreshResponse(response);
            } else if (direction == Direction.OUTBOUND && transaction == inviteTx) {
                onInitialInviteResponse(transaction, response, responseDialog);
            } else if (response.getStatusCode() / 100 == 2 && !released) {
                LOG.debug("Leg {}: 2xx retransmission or fork ignored", id);
            }
        });
    }

    private void onInitialInviteResponse(ClientTransaction transaction, Response response, Dialog responseDialog)
            throws Exception {
        int status = response.getStatusCode();
        ctx.metrics.response(status, false);
        if (status < 200) {
            if (status == Response.TRYING) {
                return;
            }
            if (OptionTags.requires(response, OptionTags.RELIABLE_PROVISIONALS)
                    && !reliable.prack(response, responseDialog != null ? responseDialog : inviteTx.getDialog())) {
                return; // a retransmission of a reliable provisional response we already PRACKed
            }
            provisionalSeen = true;
            Optional<String> provisionalSdp = sdp(response);
            if (OptionTags.requires(response, OptionTags.RELIABLE_PROVISIONALS)
                    && provisionalSdp.isPresent()
                    && !offerless) {
                earlyAnswered = true;
                earlyAllowsUpdate = OptionTags.allows(response, Request.UPDATE);
                earlyDialog = responseDialog != null ? responseDialog : inviteTx.getDialog();
            }
            if (cancelOwed) {
                sendCancel();
            } else if (state == LegState.CALLING || state == LegState.RINGING) {
                Optional<String> earlySdp = sdp(response);
                if (state == LegState.CALLING || earlySdp.isPresent()) {
                    transition(LegState.RINGING);
                    event(l -> l.onRinging(this, earlySdp));
                }
            }
        } else if (status < 300) {
            dialog = transaction.getDialog();
            cancelAnswerTimer();
            if (state == LegState.ENDED) {
                // Answered while our CANCEL was on its way: complete the dialog and end it.
                sendAck(response, Optional.empty());
                sendBye(EndReason.CANCELLED);
                release();
                return;
            }
            if (state == LegState.ANSWERED) {
                return;
            }
            ctx.metrics.callSetup(false, "answered", Duration.between(created, ctx.clock.instant()));
            farEndAllowsUpdate = OptionTags.allows(response, Request.UPDATE);
            sessionTimer.run(SessionTimer.fromResponse(response));
            Optional<String> sdp = sdp(response);
            if (sdp.isEmpty()) {
                LOG.warn(
                        "Leg {}: 2xx without SDP to an INVITE{}; ending the call",
                        id,
                        offerless ? " without offer" : "");
                sendAck(response, Optional.empty());
                sendBye(EndReason.ERROR);
                end(EndReason.ERROR, true);
                return;
            }
            transition(LegState.ANSWERED);
            if (offerless) {
                lateOfferAnswer = response;
            } else {
                sendAck(response, Optional.empty());
            }
            event(l -> l.onAnswered(this, sdp.get()));
        } else if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && !authRetried
                && state != LegState.ENDED
                && ctx.authentication.isPresent()) {
            authRetried = true;
            inviteTx = ctx.authentication.get().handleChallenge(response, transaction, ctx.provider, 5);
            ctx.tune(inviteTx);
            dialog = inviteTx.getDialog();
            inviteTx.sendRequest();
        } else if (status == SessionTimer.INTERVAL_TOO_SMALL
                && !sessionIntervalRetried
                && state != LegState.ENDED
                && SessionTimer.minSeOf(response).isPresent()) {
            // RFC 4028 7.4: ask again with the far end's minimum.
            sessionIntervalRetried = true;
            Request retry = (Request) transaction.getRequest().clone();
            retry.removeHeader(javax.sip.header.ViaHeader.NAME);
            retry.addHeader(
                    ctx.headers.createViaHeader(ctx.advertisedHost, ctx.portFor(transport()), transport(), null));
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            SessionTimer.addToRequest(ctx, retry, SessionTimer.minSeOf(response).get(), false);
            inviteTx = ctx.clientTransaction(retry);
            dialog = inviteTx.getDialog();
            inviteTx.sendRequest();
        } else {
            cancelAnswerTimer();
            if (state != LegState.ENDED) {
                ctx.metrics.callSetup(false, "failed", Duration.between(created, ctx.clock.instant()));
                end(EndReason.fromSipStatus(status, response.getReasonPhrase()), true);
            } else {
                release();
            }
        }
    }

    private void onReInviteResponse(Response response) throws Exception {
        int status = response.getStatusCode();
        ctx.metrics.response(status, false);
        if (status < 200) {
            return;
        }
        pendingUpdate = null;
        if (status < 300) {
            sendAck(response, Optional.empty());
            sessionTimer.run(SessionTimer.fromResponse(response).or(sessionTimer::current));
            Optional<String> sdp = sdp(response);
            if (sdp.isPresent()) {
                event(l -> l.onMediaAnswer(this, sdp.get()));
            } else {
                LOG.warn("Leg {}: 2xx to our re-INVITE has no SDP", id);
            }
        } else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            end(EndReason.fromSipStatus(status, response.getReasonPhrase()), true);
        } else {
            LOG.warn("Leg {}: our re-INVITE was refused with {}; media stay as they were", id, status);
            event(l -> l.onMediaUpdateFailed(this, status));
        }
    }

    void onReInvite(ServerTransaction transaction, Request request) {
        act("re-INVITE", () -> {
            if (state != LegState.ANSWERED) {
                throw new SipStatusException(Response.REQUEST_PENDING, "call not established");
            }
            if (receivedOffer.pending() || pendingUpdate != null || refreshTx != null || lateOfferAnswer != null) {
                throw new SipStatusException(Response.REQUEST_PENDING, "an offer is already pending");
            }
            SessionTimer.requireAtLeast(request, ctx.properties.sessionTimerMinSe());
            Optional<String> offer = sdp(request);
            if (offer.isEmpty()) {
                // A session refresh or an offer-less re-INVITE: offer what we have.
                Response ok = ctx.messages.createResponse(Response.OK, request);
                ok.setHeader(ctx.contact(transport()));
                if (localSdp != null) {
                    setSdp(ok, localSdp);
                }
                refreshedBy(request, ok);
                transaction.sendResponse(ok);
                ctx.metrics.response(Response.OK, true);
                return;
            }
            awaitAnswerTo(transaction);
            event(l -> l.onMediaOffer(this, offer.get()));
        });
    }

    /**
     * UPDATE (RFC 3311), in an early or a confirmed dialog. With SDP it is an offer relayed like a re-INVITE's and
     * answered by {@link #answerMediaUpdate}; without, it refreshes the session and gets 200 at once.
     */
    void onUpdate(ServerTransaction transaction, Request update) {
        act("UPDATE", () -> {
            if (state == LegState.ENDED || dialog == null || dialog.getState() == null) {
                throw new SipStatusException(
                        Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no early or confirmed dialog");
            }
            if (receivedOffer.pending() || pendingUpdate != null || refreshTx != null || lateOfferAnswer != null) {
                throw new SipStatusException(Response.REQUEST_PENDING, "an offer is already pending");
            }
            if (state == LegState.ANSWERED) {
                SessionTimer.requireAtLeast(update, ctx.properties.sessionTimerMinSe());
            }
            Optional<String> offer = sdp(update);
            if (offer.isEmpty()) {
                Response ok = ctx.messages.createResponse(Response.OK, update);
                ok.setHeader(ctx.contact(transport()));
                refreshedBy(update, ok);
                transaction.sendResponse(ok);
                ctx.metrics.response(Response.OK, true);
                return;
            }
            awaitAnswerTo(transaction);
            event(l -> l.onMediaOffer(this, offer.get()));
        });
    }

    /** PRACK of our reliable provisional response (the stack has matched its RAck): 200, then any held 2xx. */
    void onPrack(ServerTransaction transaction, Request prack) {
        act("PRACK", () -> {
            respondQuietly(transaction, Response.OK);
            Optional<Response> held = reliable.onPrack();
            if (held.isPresent() && state == LegState.ANSWERED) {
                send(held.get());
            }
        });
    }

    /** A response to one of our in-dialog requests other than INVITE (UPDATE refresh, PRACK, NOTIFY, BYE). */
    void onOtherResponse(ClientTransaction transaction, Response response) {
        act("response", () -> {
            ctx.metrics.response(response.getStatusCode(), false);
            if (transaction != null && transaction == refreshTx) {
                onRefreshResponse(response);
            } else if (transaction != null && transaction == pendingUpdate) {
                onUpdateResponse(response);
            } else if (transfer != null && response.getStatusCode() >= 200) {
                transfer.onTransactionDone(transaction);
            }
        });
    }

    /** The response to our UPDATE with an offer (in the early dialog): its answer goes to the call. */
    private void onUpdateResponse(Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        pendingUpdate = null;
        Optional<String> answer = sdp(response);
        if (status < 300 && answer.isPresent()) {
            event(l -> l.onMediaAnswer(this, answer.get()));
        } else {
            LOG.warn("Leg {}: our UPDATE offer got {}; media stay as they were", id, status);
            event(l -> l.onMediaUpdateFailed(this, status));
        }
    }

    /** The refresher's half-interval task: refresh with UPDATE when the far end accepts it, else re-INVITE. */
    private void refreshSession() throws Exception {
        if (state != LegState.ANSWERED
                || !canSendInDialog()
                || sessionTimer.current().isEmpty()) {
            return;
        }
        if (receivedOffer.pending() || pendingUpdate != null || refreshTx != null || lateOfferAnswer != null) {
            sessionTimer.retryRefresh(Duration.ofSeconds(2));
            return;
        }
        boolean byUpdate = farEndAllowsUpdate || localSdp == null;
        Request refresh = dialog.createRequest(byUpdate ? Request.UPDATE : Request.INVITE);
        refresh.setHeader(ctx.contact(transport()));
        addSessionTimerTo(refresh);
        if (!byUpdate) {
            setSdp(refresh, localSdp);
        }
        ClientTransaction transaction = ctx.clientTransaction(refresh);
        refreshTx = transaction;
        dialog.sendRequest(transaction);
        LOG.debug("Leg {}: session refreshed by {}", id, refresh.getMethod());
    }

    private void onRefreshResponse(Response response) throws Exception {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        boolean wasInvite = Request.INVITE.equals(refreshTx.getRequest().getMethod());
        refreshTx = null;
        if (status < 300) {
            if (wasInvite) {
                sendAck(response, Optional.empty());
            }
            sessionTimer.run(SessionTimer.fromResponse(response).or(sessionTimer::current));
        } else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            end(EndReason.fromSipStatus(status, response.getReasonPhrase()), true);
        } else if (!wasInvite && (status == Response.METHOD_NOT_ALLOWED || status == Response.NOT_IMPLEMENTED)) {
            farEndAllowsUpdate = false;
            sessionTimer.retryRefresh(Duration.ZERO);
        } else {
            LOG.warn("Leg {}: session refresh refused with {}; trying again later", id, status);
            sessionTimer.retryRefresh(
                    sessionTimer.current().map(i -> i.length().dividedBy(4)).orElse(Duration.ofSeconds(30)));
        }
    }

    /** No refresh arrived in time (RFC 4028 10): BYE with a Reason, and the call ends. */
    private void sessionExpired() throws Exception {
        if (state != LegState.ANSWERED) {
            return;
        }
        LOG.info(
                "Leg {}: session not refreshed within {}",
                id,
                sessionTimer.current().map(SessionTimer.Interval::length));
        sendBye(SessionTimer.EXPIRED);
        end(SessionTimer.EXPIRED, true);
    }

    /** A 2xx to a received re-INVITE or UPDATE refreshes the session (RFC 4028 9): its headers, and the timer again. */
    private void refreshedBy(Request request, Response ok) throws ParseException {
        if (state != LegState.ANSWERED) {
            return;
        }
        boolean asks = request.getHeader(gov.nist.javax.sip.header.extensions.SessionExpiresHeader.NAME) != null;
        if (!asks && sessionTimer.current().isEmpty()) {
            return;
        }
        SessionTimer.Interval interval =
                SessionTimer.forReceived(request, ctx.properties.sessionTimerInterval(), sessionTimer.current());
        SessionTimer.addToResponse(ctx, request, ok, interval);
        sessionTimer.run(Optional.of(interval));
    }

    /**
     * Holds a received offer for {@link #answerMediaUpdate}. An offer the call does not answer in 64*T1 (the call
     * ignores offers it cannot relay) gets 500 with {@code Retry-After} (RFC 3311 5.2).
     */
    private void awaitAnswerTo(ServerTransaction transaction) {
        receivedOffer.hold(
                transaction,
                () -> act("offer timeout", () -> {
                    if (receivedOffer.isHeld(transaction)) {
                        LOG.info(
                                "Leg {}: {} offer not answered in time",
                                id,
                                transaction.getRequest().getMethod());
                        receivedOffer.refuse(Response.SERVER_INTERNAL_ERROR, null);
                    }
                }));
    }

    /** Session timer headers of a re-INVITE or UPDATE we send while a timer runs (we refresh it by sending). */
    private void addSessionTimerTo(Request request) throws ParseException {
        Optional<SessionTimer.Interval> interval = sessionTimer.current();
        if (interval.isPresent()) {
            SessionTimer.addToRequest(
                    ctx, request, interval.get().length(), interval.get().weRefresh());
            request.setHeader(ctx.headers.createSupportedHeader(OptionTags.TIMER));
        }
    }

    void onRefer(ServerTransaction transaction, Request refer, javax.sip.header.ReferToHeader referTo) {
        act("REFER", () -> {
            if (state != LegState.ANSWERED || !canSendInDialog()) {
                throw new SipStatusException(Response.FORBIDDEN, "call not established");
            }
            if (transfer != null && transfer.active()) {
                throw new SipStatusException(Response.REQUEST_PENDING, "a transfer is in progress");
            }
            ReferTarget asked = ReferTarget.of(referTo);
            if (asked.replaces().isPresent()
                    && ctx.legs.find(asked.replaces().get().callId()).isPresent()) {
                // Both of the transferor's calls go through this node: joining two calls is not done (docs/calls.md).
                throw SipStatusException.withReason(
                        Response.NOT_IMPLEMENTED, "Replaces names a call of this gateway: not supported");
            }
            transaction.sendResponse(ctx.messages.createResponse(Response.ACCEPTED, refer));
            ctx.metrics.response(Response.ACCEPTED, true);
            TransferSubscription subscription = new TransferSubscription(ctx, dialog, transport());
            transfer = subscription;
            subscription.start(() -> act("transfer outcome timeout", () -> {
                if (transfer == subscription && subscription.active()) {
                    LOG.info("Leg {}: no transfer outcome reported in time", id);
                    subscription.finish(Response.REQUEST_TIMEOUT, "Request Timeout");
                }
            }));
            LOG.info(
                    "Leg {}: transfer to {} requested{}",
                    id,
                    asked.target(),
                    asked.replaces().isPresent() ? " (attended)" : "");
            event(l ->
                    l.onTransferRequested(this, asked.target(), asked.replaces().map(ReplacedDialog::headerValue)));
        });
    }

    void onAck(Request ack) {
        act("ACK", () -> {
            if (direction != Direction.INBOUND || acked) {
                return;
            }
            acked = true;
            if (byeOwedAfterAck) {
                byeOwedAfterAck = false;
                sendBye(EndReason.NORMAL);
                release();
                return;
            }
            if (sdp(inboundInvite).isEmpty()) {
                Optional<String> answer = sdp(ack);
                if (answer.isPresent()) {
                    event(l -> l.onMediaAnswer(this, answer.get()));
                } else {
                    LOG.warn("Leg {}: ACK without the SDP answer to our offer", id);
                }
            }
        });
    }

    void onBye(ServerTransaction transaction, Request bye) {
        act("BYE", () -> {
            // The far end hung up whether or not our 200 reaches it (it may close the connection at once).
            respondQuietly(transaction, Response.OK);
            if (receivedOffer.pending()) {
                respondQuietly(receivedOffer.take(), Response.REQUEST_TERMINATED);
            }
            if (state != LegState.ENDED) {
                end(EndReason.NORMAL, true);
            } else {
                release();
            }
        });
    }

    void onCancel() {
        act("CANCEL", () -> {
            if (direction == Direction.INBOUND && (state == LegState.CALLING || state == LegState.RINGING)) {
                send(inboundResponse(Response.REQUEST_TERMINATED));
                end(EndReason.CANCELLED, true);
            }
        });
    }

    void onTimeout(ClientTransaction transaction) {
        act("timeout", () -> {
            if (transaction == inviteTx && (state == LegState.CALLING || state == LegState.RINGING)) {
                end(EndReason.fromSipStatus(Response.REQUEST_TIMEOUT, "Request timeout"), true);
            } else if (transaction == inviteTx && state == LegState.ENDED) {
                release();
            } else if (transaction != null && transaction == pendingUpdate && state != LegState.ANSWERED) {
                pendingUpdate = null;
                event(l -> l.onMediaUpdateFailed(this, Response.REQUEST_TIMEOUT));
            } else if (transaction != null && transaction == pendingUpdate) {
                pendingUpdate = null;
                sendBye(EndReason.ERROR);
                end(EndReason.ERROR, true);
            } else if (transaction != null && transaction == refreshTx) {
                // RFC 4028 10: a refresh that times out ends the session.
                refreshTx = null;
                sendBye(SessionTimer.EXPIRED);
                end(SessionTimer.EXPIRED, true);
            } else if (transfer != null) {
                transfer.onTransactionDone(transaction);
            }
        });
    }

    /** The dialog died under us (no ACK, transport loss): end the leg. */
    void onDialogGone(String why) {
        act("dialog gone", () -> {
            if (state != LegState.ENDED) {
                LOG.info("Leg {}: dialog ended by the stack ({})", id, why);
                end(EndReason.ERROR, true);
            } else {
                release();
            }
        });
    }

    /** The stack ended a dialog: when it is this leg's current dialog and the leg still lives, the leg ends too. */
    void onDialogTerminated(Dialog terminated) {
        act("dialog terminated", () -> {
            if (terminated != dialog) {
                return; // an earlier dialog, e.g. of the INVITE that was challenged for credentials
            }
            if (state == LegState.ANSWERED) {
                LOG.info("Leg {}: dialog terminated by the stack", id);
                end(EndReason.ERROR, true);
            } else if (state == LegState.ENDED && !cancelOwed && !byeOwedAfterAck) {
                release();
            }
        });
    }

    /**
     * Why an INVITE asking to replace this leg's dialog ({@code asked}, whose Call-ID is this leg's) is refused, as
     * RFC 3891 3 orders the cases. The tags are the recipient's view: {@code to-tag} is ours, {@code from-tag} the far
     * end's.
     */
    synchronized SipStatusException refuseReplacement(ReplacedDialog asked) {
        String remoteTag = dialog == null ? null : dialog.getRemoteTag();
        if (!asked.toTag().equals(localTag) || !asked.fromTag().equals(remoteTag)) {
            return SipStatusException.withReason(
                    Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no dialog matches Replaces");
        }
        if (state == LegState.ENDED) {
            return SipStatusException.withReason(Response.DECLINE, "the dialog to replace has ended");
        }
        if (state == LegState.ANSWERED && asked.earlyOnly()) {
            return SipStatusException.withReason(Response.BUSY_HERE, "the dialog to replace is confirmed");
        }
        if (state != LegState.ANSWERED && direction == Direction.INBOUND) {
            return SipStatusException.withReason(
                    Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "the early dialog to replace is not ours");
        }
        LOG.info("Leg {}: an INVITE asks to replace its dialog, refused", id);
        return SipStatusException.withReason(Response.NOT_IMPLEMENTED, "replacing a dialog is not supported");
    }

    /** Whether the stack may forget this leg: it ended and owes nothing on the wire. */
    synchronized boolean isReleased() {
        return released;
    }

    // ---- internals ----

    private void cancelOutbound(EndReason reason) throws SipException {
        cancelAnswerTimer();
        if (state == LegState.NEW) {
            end(reason, true);
            return;
        }
        cancelOwed = true;
        if (provisionalSeen) {
            sendCancel();
        }
        // The leg stays registered until the INVITE's final response (487, or a 2xx that we end with BYE).
        end(reason, false);
    }

    private void sendCancel() throws SipException {
        cancelOwed = false;
        Request cancel = inviteTx.createCancel();
        ClientTransaction transaction = ctx.clientTransaction(cancel);
        transaction.sendRequest();
    }

    private void refuseInbound(EndReason reason) throws Exception {
        int status = reason.sipStatus() >= 300 ? reason.sipStatus() : Response.TEMPORARILY_UNAVAILABLE;
        send(inboundResponse(status));
        cancelAnswerTimer();
        ctx.metrics.callSetup(true, "refused", Duration.between(created, ctx.clock.instant()));
        end(reason, true);
    }

    private void sendBye(EndReason reason) throws SipException, ParseException, InvalidArgumentException {
        if (!canSendInDialog()) {
            LOG.debug("Leg {}: no confirmed dialog, no BYE", id);
            return;
        }
        Request bye = dialog.createRequest(Request.BYE);
        if (reason.sipStatus() != 200) {
            bye.addHeader(ctx.headers.createReasonHeader("SIP", reason.sipStatus(), reason.text()));
        }
        ClientTransaction transaction = ctx.clientTransaction(bye);
        dialog.sendRequest(transaction);
    }

    private boolean canSendInDialog() {
        return dialog != null && dialog.getState() != null && dialog.getState() != javax.sip.DialogState.TERMINATED;
    }

    private void sendAck(Response response, Optional<String> sdp) throws Exception {
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        Dialog ackDialog = dialog;
        Request ack = ackDialog.createAck(cseq);
        if (sdp.isPresent()) {
            setSdp(ack, sdp.get());
        }
        ackDialog.sendAck(ack);
    }

    private Response inboundResponse(int status) throws ParseException {
        Response response = ctx.messages.createResponse(status, inboundInvite);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(localTag);
        }
        if (status > 100 && status < 300) {
            response.setHeader(ctx.contact(transport()));
        }
        return response;
    }

    private void send(Response response) throws SipException, InvalidArgumentException {
        inviteServerTx.sendResponse(response);
        ctx.metrics.response(response.getStatusCode(), true);
        if (dialog == null) {
            dialog = inviteServerTx.getDialog();
        }
    }

    private void respondQuietly(ServerTransaction transaction, int status) {
        try {
            transaction.sendResponse(ctx.messages.createResponse(status, transaction.getRequest()));
            ctx.metrics.response(status, true);
        } catch (Exception e) {
            LOG.debug("Leg {}: could not send {}", id, status, e);
        }
    }

    private String transport() {
        if (direction == Direction.OUTBOUND) {
            return OutboundInvite.transportOf(ctx, target);
        }
        javax.sip.header.ViaHeader via =
                (javax.sip.header.ViaHeader) inboundInvite.getHeader(javax.sip.header.ViaHeader.NAME);
        return via.getTransport();
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
                    ctx.metrics.callSetup(false, "no-answer", Duration.between(created, ctx.clock.instant()));
                    cancelOutbound(EndReason.NO_ANSWER);
                } else {
                    refuseInbound(EndReason.NO_ANSWER);
                }
            }
        });
    }

    private void cancelAnswerTimer() {
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
            sessionTimer.stop();
            receivedOffer.cancelTimer();
            if (transfer != null) {
                transfer.cancel();
            }
            LOG.info("Leg {} ended: {} ({})", id, reason.code(), reason.sipStatus());
            event(l -> l.onEnded(this, reason));
        }
        if (releaseNow) {
            release();
        }
    }

    private void release() {
        if (!released) {
            released = true;
            cancelAnswerTimer();
            sessionTimer.stop();
            receivedOffer.cancelTimer();
            ctx.legs.remove(this);
        }
    }

    private void ignored(String command) {
        LOG.info("Leg {}: {} ignored in state {}", id, command, state);
    }

    private void event(java.util.function.Consumer<LegListener> delivery) {
        LegListener target = listener;
        if (target == null) {
            LOG.warn("Leg {}: event dropped, no listener set", id);
            return;
        }
        events.add(() -> delivery.accept(target));
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void act(String what, Action action) {
        String previous = MDC.get(MDC_CALL_ID);
        MDC.put(MDC_CALL_ID, sipCallId);
        List<Runnable> toDeliver;
        RuntimeException rethrow = null;
        try {
            synchronized (this) {
                try {
                    action.run();
                } catch (SipStatusException e) {
                    rethrow = e;
                } catch (Exception e) {
                    LOG.warn("Leg {}: {} failed: {}", id, what, e.toString(), e);
                    if (state != LegState.ENDED) {
                        end(EndReason.ERROR, true);
                    } else {
                        release();
                    }
                }
                toDeliver = List.copyOf(events);
                events.clear();
            }
            for (Runnable delivery : toDeliver) {
                try {
                    delivery.run();
                } catch (RuntimeException e) {
                    LOG.warn("Leg {}: listener failed on {}", id, what, e);
                }
            }
        } finally {
            if (previous == null) {
                MDC.remove(MDC_CALL_ID);
            } else {
                MDC.put(MDC_CALL_ID, previous);
            }
        }
        if (rethrow != null) {
            throw rethrow;
        }
    }

    /** The SDP body of a message, when it has one. */
    static Optional<String> sdp(Message message) {
        byte[] raw = message.getRawContent();
        if (raw == null || raw.length == 0) {
            return Optional.empty();
        }
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (type != null
                && !("application".equalsIgnoreCase(type.getContentType())
                        && "sdp".equalsIgnoreCase(type.getContentSubType()))) {
            return Optional.empty();
        }
        return Optional.of(new String(raw, StandardCharsets.UTF_8));
    }

    private void setSdp(Message message, String sdp) {
        try {
            message.setContent(sdp, ctx.headers.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot set SDP", e);
        }
    }

    @Override
    public String toString() {
        return "SipLeg[" + id + ", " + direction + ", " + sipCallId + "]";
    }
}
