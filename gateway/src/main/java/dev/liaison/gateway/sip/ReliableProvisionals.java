package dev.liaison.gateway.sip;

import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.header.ContactHeader;
import javax.sip.header.RSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliable provisional responses (RFC 3262) of one dialog. As UAS (the caller supports or requires {@code 100rel}):
 * our 18x go with {@code RSeq} and {@code Require: 100rel}, the stack retransmits each until its PRACK, one is
 * outstanding at a time, and a 2xx waits for the PRACK. As UAC: each new reliable 18x of the far end is PRACKed, its
 * retransmissions (an {@code RSeq} already seen) are recognised. Guarded by the leg's lock.
 */
final class ReliableProvisionals {

    private static final Logger LOG = LoggerFactory.getLogger(ReliableProvisionals.class);

    private final SipContext ctx;
    private final boolean ours;
    private boolean prackOwed;
    private Response heldFinal;
    private long lastRSeq = -1;

    private ReliableProvisionals(SipContext ctx, boolean ours) {
        this.ctx = ctx;
        this.ours = ours;
    }

    /** For an inbound dialog: ours are reliable when the INVITE supports or requires {@code 100rel}. */
    static ReliableProvisionals forInvite(SipContext ctx, Request invite) {
        return new ReliableProvisionals(ctx, OptionTags.supports(invite, OptionTags.RELIABLE_PROVISIONALS));
    }

    /** For an outbound dialog: only the far end's provisionals can be reliable. */
    static ReliableProvisionals forOutbound(SipContext ctx) {
        return new ReliableProvisionals(ctx, false);
    }

    /** Whether our provisional responses go reliably. */
    boolean ours() {
        return ours;
    }

    /**
     * Sends {@code response} (an 18x made by the dialog) reliably; skipped while the previous one is not PRACKed.
     * Returns whether it was sent.
     */
    boolean send(Dialog dialog, Response response, String localTag, ContactHeader contact) throws Exception {
        if (prackOwed) {
            LOG.info(
                    "{} not sent, the previous reliable provisional response is not PRACKed yet",
                    response.getStatusCode());
            return false;
        }
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(localTag);
        }
        response.setHeader(contact);
        prackOwed = true;
        dialog.sendReliableProvisionalResponse(response);
        ctx.metrics.response(response.getStatusCode(), true);
        return true;
    }

    /** Whether our last reliable provisional response still waits for its PRACK. */
    boolean awaitingPrack() {
        return prackOwed;
    }

    /** Holds our 2xx while a reliable provisional is not PRACKed (RFC 3262 3); true when it was held. */
    boolean holdUntilPrack(Response ok) {
        if (!prackOwed) {
            return false;
        }
        heldFinal = ok;
        return true;
    }

    /** The PRACK arrived: the 2xx held for it, if any. */
    Optional<Response> onPrack() {
        prackOwed = false;
        Response held = heldFinal;
        heldFinal = null;
        return Optional.ofNullable(held);
    }

    /** PRACKs the far end's reliable 18x on {@code dialog}; false for a retransmission of one already PRACKed. */
    boolean prack(Response response, Dialog dialog) throws Exception {
        RSeqHeader rseq = (RSeqHeader) response.getHeader(RSeqHeader.NAME);
        if (rseq == null) {
            LOG.warn("Reliable {} without RSeq, not PRACKed", response.getStatusCode());
            return true;
        }
        if (rseq.getSequenceNumber() <= lastRSeq) {
            return false;
        }
        lastRSeq = rseq.getSequenceNumber();
        Request prack = dialog.createPrack(response);
        ClientTransaction transaction = ctx.clientTransaction(prack);
        dialog.sendRequest(transaction);
        return true;
    }
}
