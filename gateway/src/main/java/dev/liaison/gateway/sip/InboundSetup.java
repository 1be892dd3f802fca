package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import java.text.ParseException;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of an inbound leg's dialog-creating INVITE: our provisional responses (reliable ones when the caller
 * supports them, RFC 3262), the 2xx (held until the PRACK it must follow) or the refusal, the caller's ACK (with the
 * answer to an offer-less INVITE), CANCEL, and a BYE owed until the ACK came. Guarded by the leg's lock.
 */
final class InboundSetup {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSetup.class);

    private final SipLeg leg;
    private final SipContext ctx;
    private final DialogWire wire;
    private final ServerTransaction inviteTx;
    private final Request invite;
    private boolean acked;
    private boolean byeOwedAfterAck;

    InboundSetup(SipLeg leg, SipContext ctx, DialogWire wire, ServerTransaction inviteTx, Request invite) {
        this.leg = leg;
        this.ctx = ctx;
        this.wire = wire;
        this.inviteTx = inviteTx;
        this.invite = invite;
    }

    /** The transport the caller used (from its Via). */
    static String transportOf(Request invite) {
        return ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getTransport();
    }

    boolean ringable() {
        return leg.state() == LegState.CALLING || leg.state() == LegState.RINGING;
    }

    void ringing(Optional<String> earlySdp) throws Exception {
        int status = earlySdp.isPresent() ? Response.SESSION_PROGRESS : Response.RINGING;
        ReliableProvisionals reliable = leg.reliable();
        if (reliable.ours()) {
            Response response = wire.dialog().createReliableProvisionalResponse(status);
            earlySdp.ifPresent(sdp -> wire.setSdp(response, sdp));
            boolean sent = reliable.send(wire.dialog(), response, leg.localTag(), wire.contact());
            if (sent && earlySdp.isPresent() && DialogWire.sdp(invite).isPresent()) {
                leg.media().earlyAnsweredByUs(earlySdp.get());
            }
        } else {
            Response response = response(status);
            earlySdp.ifPresent(sdp -> wire.setSdp(response, sdp));
            send(response);
        }
    }

    void answer(String sdp) throws Exception {
        Response ok = response(Response.OK);
        wire.setSdp(ok, sdp);
        leg.media().sent(Optional.of(sdp));
        SessionTimer.Interval interval =
                SessionTimer.forReceived(invite, ctx.properties.sessionTimerInterval(), Optional.empty());
        SessionTimer.addToResponse(ctx, invite, ok, interval);
        // RFC 3262 3: no 2xx before the PRACK of a reliable provisional response that may carry SDP.
        if (!leg.reliable().holdUntilPrack(ok)) {
            send(ok);
        }
        leg.refresh().start(OptionTags.allows(invite, Request.UPDATE), Optional.of(interval));
    }

    /** Refuses the call with the reason's status (480 when the reason is not an error). */
    void refuse(EndReason reason) throws Exception {
        int status = reason.sipStatus() >= 300 ? reason.sipStatus() : Response.TEMPORARILY_UNAVAILABLE;
        send(response(status));
        ctx.metrics.callSetup(true, "refused", leg.sinceCreated());
    }

    /** Whether the caller's offer allowed UPDATE and no reliable provisional response waits for its PRACK. */
    boolean allowsEarlyUpdate() {
        return !leg.reliable().awaitingPrack() && OptionTags.allows(invite, Request.UPDATE);
    }

    /** Hanging up an answered call: without the ACK yet, the BYE waits for it; returns whether it was sent now. */
    boolean canByeNow() {
        if (!acked) {
            byeOwedAfterAck = true;
            return false;
        }
        return true;
    }

    boolean byeOwed() {
        return byeOwedAfterAck;
    }

    void onAck(Request ack) throws Exception {
        if (acked) {
            return;
        }
        acked = true;
        if (byeOwedAfterAck) {
            byeOwedAfterAck = false;
            wire.sendBye(EndReason.NORMAL);
            leg.release();
            return;
        }
        if (DialogWire.sdp(invite).isEmpty()) {
            Optional<String> answer = DialogWire.sdp(ack);
            if (answer.isPresent()) {
                leg.event(l -> l.onMediaAnswer(leg, answer.get()));
            } else {
                LOG.warn("Leg {}: ACK without the SDP answer to our offer", leg.id());
            }
        }
    }

    void onCancel() throws Exception {
        if (ringable()) {
            send(response(Response.REQUEST_TERMINATED));
            leg.endNow(EndReason.CANCELLED);
        }
    }

    /** PRACK of our reliable provisional response (the stack has matched its RAck): 200, then any held 2xx. */
    void onPrack(ServerTransaction transaction) throws Exception {
        wire.respondQuietly(transaction, Response.OK);
        Optional<Response> held = leg.reliable().onPrack();
        if (held.isPresent() && leg.state() == LegState.ANSWERED) {
            send(held.get());
        }
    }

    private Response response(int status) throws ParseException {
        Response response = ctx.messages.createResponse(status, invite);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(leg.localTag());
        }
        if (status > 100 && status < 300) {
            response.setHeader(wire.contact());
        }
        return response;
    }

    private void send(Response response) throws SipException, InvalidArgumentException {
        wire.respond(inviteTx, response);
        if (wire.dialog() == null) {
            wire.use(inviteTx.getDialog());
        }
    }
}
