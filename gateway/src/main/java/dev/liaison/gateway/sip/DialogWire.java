package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.EndReason;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leg's dialog on the wire: the current {@link Dialog}, the transport towards the far end, and the requests and
 * responses every part of the leg sends in it (BYE, ACK, in-dialog requests, 200s, SDP bodies). Guarded by the leg's
 * lock.
 */
final class DialogWire {

    private static final Logger LOG = LoggerFactory.getLogger(DialogWire.class);

    private final SipContext ctx;
    private final String legId;
    private final String transport;
    private Dialog dialog;

    DialogWire(SipContext ctx, String legId, String transport) {
        this.ctx = ctx;
        this.legId = legId;
        this.transport = transport;
    }

    /** The dialog in use (the INVITE's, then the one its 2xx confirmed), or null before there is one. */
    Dialog dialog() {
        return dialog;
    }

    void use(Dialog current) {
        this.dialog = current;
    }

    String transport() {
        return transport;
    }

    ContactHeader contact() throws ParseException {
        return ctx.contact(transport);
    }

    /** Whether a request can be sent in the dialog now (it exists and has not terminated). */
    boolean canSend() {
        return dialog != null && dialog.getState() != null && dialog.getState() != DialogState.TERMINATED;
    }

    /** A new request of {@code method} in {@code in} (the dialog, or an early dialog), with our Contact. */
    Request create(Dialog in, String method) throws SipException, ParseException {
        Request request = in.createRequest(method);
        request.setHeader(contact());
        return request;
    }

    Request create(String method) throws SipException, ParseException {
        return create(dialog, method);
    }

    /** Sends {@code request} in {@code in} on a new client transaction, which it returns. */
    ClientTransaction send(Dialog in, Request request) throws SipException {
        ClientTransaction transaction = ctx.clientTransaction(request);
        in.sendRequest(transaction);
        return transaction;
    }

    ClientTransaction send(Request request) throws SipException {
        return send(dialog, request);
    }

    /** BYE, with a {@code Reason} unless the end is normal; nothing when there is no confirmed dialog. */
    void sendBye(EndReason reason) throws SipException, ParseException, InvalidArgumentException {
        if (!canSend()) {
            LOG.debug("Leg {}: no confirmed dialog, no BYE", legId);
            return;
        }
        Request bye = dialog.createRequest(Request.BYE);
        if (reason.sipStatus() != 200) {
            bye.addHeader(ctx.headers.createReasonHeader("SIP", reason.sipStatus(), reason.text()));
        }
        send(bye);
    }

    /** The ACK of a 2xx to one of our INVITEs, with the SDP answer of a late offer when there is one. */
    void sendAck(Response response, Optional<String> sdp) throws Exception {
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        Request ack = dialog.createAck(cseq);
        if (sdp.isPresent()) {
            setSdp(ack, sdp.get());
        }
        dialog.sendAck(ack);
    }

    /** A 200 to {@code request} (a received re-INVITE, UPDATE), with our Contact. */
    Response ok(Request request) throws ParseException {
        Response ok = ctx.messages.createResponse(Response.OK, request);
        ok.setHeader(contact());
        return ok;
    }

    /** Sends {@code response} on {@code transaction} and counts it. */
    void respond(ServerTransaction transaction, Response response) throws SipException, InvalidArgumentException {
        transaction.sendResponse(response);
        ctx.metrics.response(response.getStatusCode(), true);
    }

    /** Answers {@code transaction} with {@code status}, ignoring a failure (the far end may be gone already). */
    void respondQuietly(ServerTransaction transaction, int status) {
        try {
            respond(transaction, ctx.messages.createResponse(status, transaction.getRequest()));
        } catch (Exception e) {
            LOG.debug("Leg {}: could not send {}", legId, status, e);
        }
    }

    void setSdp(Message message, String sdp) {
        try {
            message.setContent(sdp, ctx.headers.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot set SDP", e);
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
}
