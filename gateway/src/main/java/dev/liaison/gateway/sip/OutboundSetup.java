package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of an outbound leg's dialog-creating INVITE: the INVITE (with {@code Replaces} for an attended
 * transfer), its provisional responses (PRACKed when reliable), the 2xx (ACKed, or held for our answer to a late
 * offer), one retry with credentials (401/407) and one with the far end's minimum session interval (422), the failure,
 * and CANCEL (sent once a provisional response allows it). Guarded by the leg's lock.
 */
final class OutboundSetup {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundSetup.class);

    private final SipLeg leg;
    private final SipContext ctx;
    private final DialogWire wire;
    private final SipURI target;
    /** The dialog the far end is asked to replace (attended transfer, RFC 3891). */
    private final Optional<ReplacedDialog> replaces;

    private ClientTransaction inviteTx;
    private boolean offerless;
    private boolean provisionalSeen;
    private boolean cancelOwed;
    private boolean authRetried;
    private boolean sessionIntervalRetried;

    OutboundSetup(SipLeg leg, SipContext ctx, DialogWire wire, SipURI target, Optional<ReplacedDialog> replaces) {
        this.leg = leg;
        this.ctx = ctx;
        this.wire = wire;
        this.target = target;
        this.replaces = replaces;
    }

    void start(Optional<String> sdpOffer) throws Exception {
        offerless = sdpOffer.isEmpty();
        Request invite = new OutboundInvite(ctx).build(target, leg.sipCallId(), leg.localTag(), sdpOffer, replaces);
        leg.media().sent(sdpOffer);
        inviteTx = ctx.clientTransaction(invite);
        wire.use(inviteTx.getDialog());
        inviteTx.sendRequest();
    }

    boolean isInvite(ClientTransaction transaction) {
        return transaction != null && transaction == inviteTx;
    }

    /** Whether a CANCEL waits for the first provisional response (the leg must stay until the INVITE is final). */
    boolean cancelOwed() {
        return cancelOwed;
    }

    /** Gives the call up before the answer: CANCEL now if a provisional response came, else on the first one. */
    void cancel() throws SipException {
        cancelOwed = true;
        if (provisionalSeen) {
            sendCancel();
        }
    }

    void onResponse(ClientTransaction transaction, Response response, Dialog responseDialog) throws Exception {
        int status = response.getStatusCode();
        ctx.metrics.response(status, false);
        if (status < 200) {
            onProvisional(response, responseDialog);
        } else if (status < 300) {
            onSuccess(transaction, response);
        } else if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && !authRetried
                && leg.state() != LegState.ENDED
                && ctx.authentication.isPresent()) {
            authRetried = true;
            inviteTx = ctx.authentication.get().handleChallenge(response, transaction, ctx.provider, 5);
            ctx.tune(inviteTx);
            wire.use(inviteTx.getDialog());
            inviteTx.sendRequest();
        } else if (status == SessionTimer.INTERVAL_TOO_SMALL
                && !sessionIntervalRetried
                && leg.state() != LegState.ENDED
                && SessionTimer.minSeOf(response).isPresent()) {
            // RFC 4028 7.4: ask again with the far end's minimum.
            sessionIntervalRetried = true;
            Request retry = (Request) transaction.getRequest().clone();
            retry.removeHeader(ViaHeader.NAME);
            retry.addHeader(ctx.headers.createViaHeader(
                    ctx.advertisedHost, ctx.portFor(wire.transport()), wire.transport(), null));
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            SessionTimer.addToRequest(ctx, retry, SessionTimer.minSeOf(response).get(), false);
            inviteTx = ctx.clientTransaction(retry);
            wire.use(inviteTx.getDialog());
            inviteTx.sendRequest();
        } else {
            leg.cancelAnswerTimer();
            if (leg.state() != LegState.ENDED) {
                ctx.metrics.callSetup(false, "failed", leg.sinceCreated());
                leg.endByFarEnd(status, response.getReasonPhrase());
            } else {
                leg.release();
            }
        }
    }

    private void onProvisional(Response response, Dialog responseDialog) throws Exception {
        if (response.getStatusCode() == Response.TRYING) {
            return;
        }
        boolean reliable = OptionTags.requires(response, OptionTags.RELIABLE_PROVISIONALS);
        Dialog early = responseDialog != null ? responseDialog : inviteTx.getDialog();
        if (reliable && !leg.reliable().prack(response, early)) {
            return; // a retransmission of a reliable provisional response we already PRACKed
        }
        provisionalSeen = true;
        Optional<String> earlySdp = DialogWire.sdp(response);
        if (reliable && earlySdp.isPresent() && !offerless) {
            leg.media().earlyAnsweredByFarEnd(OptionTags.allows(response, Request.UPDATE), early);
        }
        if (cancelOwed) {
            sendCancel();
        } else if (leg.state() == LegState.CALLING || leg.state() == LegState.RINGING) {
            if (leg.state() == LegState.CALLING || earlySdp.isPresent()) {
                leg.ringingFarEnd(earlySdp);
            }
        }
    }

    private void onSuccess(ClientTransaction transaction, Response response) throws Exception {
        wire.use(transaction.getDialog());
        leg.cancelAnswerTimer();
        if (leg.state() == LegState.ENDED) {
            // Answered while our CANCEL was on its way: complete the dialog and end it.
            wire.sendAck(response, Optional.empty());
            wire.sendBye(EndReason.CANCELLED);
            leg.release();
            return;
        }
        if (leg.state() == LegState.ANSWERED) {
            return;
        }
        ctx.metrics.callSetup(false, "answered", leg.sinceCreated());
        leg.refresh().start(OptionTags.allows(response, Request.UPDATE), SessionTimer.fromResponse(response));
        Optional<String> sdp = DialogWire.sdp(response);
        if (sdp.isEmpty()) {
            LOG.warn(
                    "Leg {}: 2xx without SDP to an INVITE{}; ending the call",
                    leg.id(),
                    offerless ? " without offer" : "");
            wire.sendAck(response, Optional.empty());
            wire.sendBye(EndReason.ERROR);
            leg.endNow(EndReason.ERROR);
            return;
        }
        if (offerless) {
            leg.media().lateOffer(response);
        } else {
            wire.sendAck(response, Optional.empty());
        }
        leg.answeredByFarEnd(sdp.get());
    }

    private void sendCancel() throws SipException {
        cancelOwed = false;
        Request cancel = inviteTx.createCancel();
        ctx.clientTransaction(cancel).sendRequest();
    }
}
