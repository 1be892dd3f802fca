package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leg's offer/answer exchanges after the first one (RFC 3264, RFC 3311): our offers (re-INVITE once answered, UPDATE
 * in the early dialog) and their answers, the far end's offers (re-INVITE, UPDATE) held for the call's answer, the
 * late-offer 2xx whose ACK waits for our answer, and the SDP in force. One exchange at a time. Guarded by the leg's
 * lock.
 */
final class OfferAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(OfferAnswer.class);

    private final SipLeg leg;
    private final SipContext ctx;
    private final DialogWire wire;
    /** A far-end re-INVITE or UPDATE with an offer, waiting for {@link #answerMediaUpdate}. */
    private final ReceivedOffer receivedOffer;
    /** Our re-INVITE (or early UPDATE) with an offer, waiting for its final response. */
    private ClientTransaction pendingUpdate;
    /** {@link #pendingUpdate} is an offer-less re-INVITE: its 2xx carries the far end's offer (RFC 3725 flow I). */
    private boolean pendingUpdateAsksOffer;
    /** A 2xx carrying the far end's offer (late offer): its ACK waits for our answer. */
    private Response lateOfferAnswer;
    /** The SDP we sent last (offer or answer), offered again in a refresh. */
    private String localSdp;
    /** The early dialog's first offer/answer is complete in a reliable 18x (ours inbound, the far end's outbound). */
    private boolean earlyAnswered;
    /** Outbound: whether the far end's reliable 18x allowed UPDATE, and the early dialog it created. */
    private boolean earlyAllowsUpdate;

    private Dialog earlyDialog;

    OfferAnswer(SipLeg leg, SipContext ctx, DialogWire wire) {
        this.leg = leg;
        this.ctx = ctx;
        this.wire = wire;
        this.receivedOffer = new ReceivedOffer(ctx);
    }

    Optional<String> localSdp() {
        return Optional.ofNullable(localSdp);
    }

    void sent(Optional<String> sdp) {
        localSdp = sdp.orElse(null);
    }

    /** Whether an exchange is in progress (ours, the far end's, or a session refresh). */
    boolean offerInProgress() {
        return receivedOffer.pending() || pendingUpdate != null || leg.refresh().pending();
    }

    /** {@link #offerInProgress}, or a late-offer 2xx still waiting for our answer. */
    boolean busy() {
        return offerInProgress() || lateOfferAnswer != null;
    }

    /** Inbound: our reliable 18x carried the answer to the caller's offer. */
    void earlyAnsweredByUs(String sdp) {
        earlyAnswered = true;
        localSdp = sdp;
    }

    /** Outbound: the far end's reliable 18x carried the answer to our offer, in {@code early}. */
    void earlyAnsweredByFarEnd(boolean allowsUpdate, Dialog early) {
        earlyAnswered = true;
        earlyAllowsUpdate = allowsUpdate;
        earlyDialog = early;
    }

    /** The far end's 2xx to our offer-less INVITE carries its offer: the ACK waits for the call's answer. */
    void lateOffer(Response ok) {
        lateOfferAnswer = ok;
    }

    /** Before a BYE: a late-offer 2xx still waiting is acknowledged without an answer. */
    void ackLateOfferWithoutAnswer() throws Exception {
        if (lateOfferAnswer != null) {
            wire.sendAck(lateOfferAnswer, Optional.empty());
            lateOfferAnswer = null;
        }
    }

    boolean isPendingUpdate(ClientTransaction transaction) {
        return transaction != null && transaction == pendingUpdate;
    }

    boolean canTakeEarlyOffer() {
        if (leg.state() != LegState.RINGING || !earlyAnswered || offerInProgress()) {
            return false;
        }
        if (leg.direction() == SipLeg.Direction.INBOUND) {
            return leg.inbound().allowsEarlyUpdate() && wire.canSend();
        }
        return earlyAllowsUpdate && earlyDialog != null && earlyDialog.getState() == DialogState.EARLY;
    }

    void updateMedia(String sdpOffer) throws Exception {
        if (leg.state() == LegState.RINGING && canTakeEarlyOffer()) {
            sendEarlyUpdate(sdpOffer);
            return;
        }
        if (leg.state() != LegState.ANSWERED || offerInProgress() || !wire.canSend()) {
            leg.ignored("updateMedia");
            return;
        }
        Request reInvite = wire.create(Request.INVITE);
        leg.refresh().addTo(reInvite);
        wire.setSdp(reInvite, sdpOffer);
        pendingUpdate = wire.send(reInvite);
        localSdp = sdpOffer;
    }

    /**
     * Asks the far end for a fresh offer: a re-INVITE without SDP (RFC 3261 14.1, RFC 3725 flow I). Its 2xx carries
     * the far end's offer, reported with {@code onMediaOffer}; the ACK waits for the call's answer
     * ({@link #answerMediaUpdate}). A refusal or a 2xx without SDP is {@code onMediaUpdateFailed}.
     */
    void requestOffer() throws Exception {
        if (leg.state() != LegState.ANSWERED || busy() || !wire.canSend()) {
            leg.ignored("requestMediaOffer");
            leg.event(l -> l.onMediaUpdateFailed(leg, Response.REQUEST_PENDING));
            return;
        }
        Request reInvite = wire.create(Request.INVITE);
        leg.refresh().addTo(reInvite);
        pendingUpdate = wire.send(reInvite);
        pendingUpdateAsksOffer = true;
        LOG.info("Leg {}: offer-less re-INVITE sent, asking the far end for an offer", leg.id());
    }

    /** An offer in the early dialog (RFC 3311): UPDATE with SDP, answered in its 200 ({@code onMediaAnswer}). */
    private void sendEarlyUpdate(String sdpOffer) throws Exception {
        Dialog early = leg.direction() == SipLeg.Direction.OUTBOUND ? earlyDialog : wire.dialog();
        Request update = wire.create(early, Request.UPDATE);
        wire.setSdp(update, sdpOffer);
        pendingUpdate = wire.send(early, update);
        localSdp = sdpOffer;
        LOG.info("Leg {}: offer sent by UPDATE in the early dialog", leg.id());
    }

    void answerMediaUpdate(String sdpAnswer) throws Exception {
        if (leg.state() == LegState.ENDED) {
            leg.ignored("answerMediaUpdate");
        } else if (lateOfferAnswer != null) {
            wire.sendAck(lateOfferAnswer, Optional.of(sdpAnswer));
            lateOfferAnswer = null;
            localSdp = sdpAnswer;
        } else if (receivedOffer.pending()) {
            Request offer = receivedOffer.request();
            Response ok = wire.ok(offer);
            wire.setSdp(ok, sdpAnswer);
            leg.refresh().refreshedBy(offer, ok);
            wire.respond(receivedOffer.take(), ok);
            localSdp = sdpAnswer;
        } else {
            leg.ignored("answerMediaUpdate");
        }
    }

    void refuseMediaUpdate(int sipStatus, String reasonPhrase) throws Exception {
        if (leg.state() == LegState.ENDED || !receivedOffer.pending()) {
            leg.ignored("refuseMediaUpdate");
        } else {
            LOG.info(
                    "Leg {}: {} offer refused with {}",
                    leg.id(),
                    receivedOffer.request().getMethod(),
                    sipStatus);
            receivedOffer.refuse(sipStatus, reasonPhrase);
        }
    }

    /** A re-INVITE: with SDP an offer for the call; without, a refresh or offer-less re-INVITE we offer in the 200. */
    void onReInvite(ServerTransaction transaction, Request request) throws Exception {
        if (leg.state() != LegState.ANSWERED) {
            throw new SipStatusException(Response.REQUEST_PENDING, "call not established");
        }
        if (busy()) {
            throw new SipStatusException(Response.REQUEST_PENDING, "an offer is already pending");
        }
        SessionTimer.requireAtLeast(request, ctx.properties.sessionTimerMinSe());
        Optional<String> offer = DialogWire.sdp(request);
        if (offer.isEmpty()) {
            Response ok = wire.ok(request);
            if (localSdp != null) {
                wire.setSdp(ok, localSdp);
            }
            leg.refresh().refreshedBy(request, ok);
            wire.respond(transaction, ok);
            return;
        }
        awaitAnswerTo(transaction);
        leg.event(l -> l.onMediaOffer(leg, offer.get()));
    }

    /**
     * UPDATE (RFC 3311), in an early or a confirmed dialog. With SDP it is an offer relayed like a re-INVITE's and
     * answered by {@link #answerMediaUpdate}; without, it refreshes the session and gets 200 at once.
     */
    void onUpdate(ServerTransaction transaction, Request update) throws Exception {
        Dialog dialog = wire.dialog();
        if (leg.state() == LegState.ENDED || dialog == null || dialog.getState() == null) {
            throw new SipStatusException(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no early or confirmed dialog");
        }
        if (busy()) {
            throw new SipStatusException(Response.REQUEST_PENDING, "an offer is already pending");
        }
        if (leg.state() == LegState.ANSWERED) {
            SessionTimer.requireAtLeast(update, ctx.properties.sessionTimerMinSe());
        }
        Optional<String> offer = DialogWire.sdp(update);
        if (offer.isEmpty()) {
            Response ok = wire.ok(update);
            leg.refresh().refreshedBy(update, ok);
            wire.respond(transaction, ok);
            return;
        }
        awaitAnswerTo(transaction);
        leg.event(l -> l.onMediaOffer(leg, offer.get()));
    }

    /** The final response to our re-INVITE with an offer: the answer goes to the call, a refusal leaves the media. */
    void onReInviteResponse(Response response) throws Exception {
        int status = response.getStatusCode();
        ctx.metrics.response(status, false);
        if (status < 200) {
            return;
        }
        pendingUpdate = null;
        boolean askedOffer = pendingUpdateAsksOffer;
        pendingUpdateAsksOffer = false;
        if (status < 300 && askedOffer) {
            leg.refresh().refreshedByOurOffer(response);
            Optional<String> offer = DialogWire.sdp(response);
            if (offer.isPresent()) {
                lateOfferAnswer = response;
                leg.event(l -> l.onMediaOffer(leg, offer.get()));
            } else {
                LOG.warn("Leg {}: 2xx to our offer-less re-INVITE has no SDP", leg.id());
                wire.sendAck(response, Optional.empty());
                leg.event(l -> l.onMediaUpdateFailed(leg, Response.NOT_ACCEPTABLE_HERE));
            }
        } else if (status < 300) {
            wire.sendAck(response, Optional.empty());
            leg.refresh().refreshedByOurOffer(response);
            Optional<String> sdp = DialogWire.sdp(response);
            if (sdp.isPresent()) {
                leg.event(l -> l.onMediaAnswer(leg, sdp.get()));
            } else {
                LOG.warn("Leg {}: 2xx to our re-INVITE has no SDP", leg.id());
            }
        } else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            leg.endByFarEnd(status, response.getReasonPhrase());
        } else {
            LOG.warn("Leg {}: our re-INVITE was refused with {}; media stay as they were", leg.id(), status);
            leg.event(l -> l.onMediaUpdateFailed(leg, status));
        }
    }

    /** The response to our UPDATE with an offer (in the early dialog): its answer goes to the call. */
    void onUpdateResponse(Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        pendingUpdate = null;
        Optional<String> answer = DialogWire.sdp(response);
        if (status < 300 && answer.isPresent()) {
            leg.event(l -> l.onMediaAnswer(leg, answer.get()));
        } else {
            LOG.warn("Leg {}: our UPDATE offer got {}; media stay as they were", leg.id(), status);
            leg.event(l -> l.onMediaUpdateFailed(leg, status));
        }
    }

    /**
     * Our offer had no response: before the answer the call is told it failed; once answered the session is lost (RFC
     * 3261 14.1), so BYE and the leg ends.
     */
    void onUpdateTimeout() throws Exception {
        pendingUpdate = null;
        pendingUpdateAsksOffer = false;
        if (leg.state() != LegState.ANSWERED) {
            leg.event(l -> l.onMediaUpdateFailed(leg, Response.REQUEST_TIMEOUT));
        } else {
            wire.sendBye(EndReason.ERROR);
            leg.endNow(EndReason.ERROR);
        }
    }

    /** The far end hung up: an offer it left waiting gets 487. */
    void abandonReceivedOffer() {
        if (receivedOffer.pending()) {
            wire.respondQuietly(receivedOffer.take(), Response.REQUEST_TERMINATED);
        }
    }

    /** The leg ends: no wait for an answer any more (the transaction, if any, is left to the stack). */
    void stop() {
        receivedOffer.cancelTimer();
    }

    /**
     * Holds a received offer for {@link #answerMediaUpdate}. An offer the call does not answer in 64*T1 (the call
     * ignores offers it cannot relay) gets 500 with {@code Retry-After} (RFC 3311 5.2).
     */
    private void awaitAnswerTo(ServerTransaction transaction) {
        receivedOffer.hold(
                transaction,
                () -> leg.act("offer timeout", () -> {
                    if (receivedOffer.isHeld(transaction)) {
                        LOG.info(
                                "Leg {}: {} offer not answered in time",
                                leg.id(),
                                transaction.getRequest().getMethod());
                        receivedOffer.refuse(Response.SERVER_INTERNAL_ERROR, null);
                    }
                }));
    }
}
