package dev.liaison.gateway.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A new INVITE that carries {@code Replaces} (RFC 3891 3): someone asks to take over one of our dialogs. The gateway
 * does not hand a dialog over to a new caller (it does not list {@code replaces} in {@code Supported}, so an INVITE
 * that requires it gets 420 before this), and answers such an INVITE with the status RFC 3891 gives for the case: 400
 * for a malformed or repeated header, 481 when no dialog of ours matches (or an early dialog we did not initiate), 603
 * when it has ended, 486 for {@code early-only} against an answered one, and 501 for a live dialog of ours.
 */
final class IncomingReplaces {

    private IncomingReplaces() {}

    /** Refuses {@code invite} (throws) when it has a {@code Replaces} header; returns when it has none. */
    static void check(SipContext ctx, Request invite) {
        List<String> values = new ArrayList<>();
        ListIterator<?> headers = invite.getHeaders(OutboundInvite.REPLACES);
        while (headers.hasNext()) {
            values.add(valueOf((Header) headers.next()));
        }
        if (values.isEmpty()) {
            return;
        }
        if (values.size() > 1) {
            throw SipStatusException.withReason(Response.BAD_REQUEST, "more than one Replaces");
        }
        ReplacedDialog asked = ReplacedDialog.parse(values.get(0));
        SipLeg leg = ctx.legs
                .find(asked.callId())
                .orElseThrow(() -> SipStatusException.withReason(
                        Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no dialog matches Replaces"));
        throw leg.refuseReplacement(asked);
    }

    private static String valueOf(Header header) {
        if (header instanceof gov.nist.javax.sip.header.SIPHeader sipHeader) {
            return sipHeader.getHeaderValue().trim();
        }
        String text = header.toString();
        return text.substring(text.indexOf(':') + 1).trim();
    }
}
