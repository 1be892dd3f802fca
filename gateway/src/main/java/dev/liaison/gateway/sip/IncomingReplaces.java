package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.LegState;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new INVITE that carries {@code Replaces} (RFC 3891 3): someone asks to take over one of our dialogs. An answered
 * dialog of ours is handed to the call to swap in the new caller ({@code CallRequests.replacing}); every other case
 * gets the status RFC 3891 gives for it: 400 for a malformed or repeated header, 481 when no dialog of ours matches (or
 * an early dialog we did not initiate), 603 when it has ended, 486 for {@code early-only} against an answered one, and
 * 501 for an early dialog we initiated. ({@code replaces} is in our {@code Supported}, so an INVITE may require it.)
 */
final class IncomingReplaces {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingReplaces.class);

    private IncomingReplaces() {}

    /**
     * The answered leg of ours that {@code invite}'s {@code Replaces} names, to be replaced by the new caller; empty
     * when it has no {@code Replaces}; refused (throws) in every other case.
     */
    static Optional<SipLeg> check(SipContext ctx, Request invite) {
        List<String> values = new ArrayList<>();
        ListIterator<?> headers = invite.getHeaders(OutboundInvite.REPLACES);
        while (headers.hasNext()) {
            values.add(valueOf((Header) headers.next()));
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw SipStatusException.withReason(Response.BAD_REQUEST, "more than one Replaces");
        }
        ReplacedDialog asked = ReplacedDialog.parse(values.get(0));
        SipLeg leg = ctx.legs
                .find(asked.callId())
                .orElseThrow(() -> SipStatusException.withReason(
                        Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no dialog matches Replaces"));
        SipStatusException refusal = refusal(leg, asked);
        if (refusal != null) {
            throw refusal;
        }
        return Optional.of(leg);
    }

    /**
     * Why an INVITE asking to replace {@code leg}'s dialog ({@code asked} has the leg's Call-ID) is refused, in the
     * order of RFC 3891 3, or null when it may replace it (the dialog is answered). The tags are the recipient's view: {@code to-tag} is ours, {@code from-tag} the far end's.
     */
    private static SipStatusException refusal(SipLeg leg, ReplacedDialog asked) {
        synchronized (leg) {
            Dialog dialog = leg.wire().dialog();
            String remoteTag = dialog == null ? null : dialog.getRemoteTag();
            LegState state = leg.state();
            if (!asked.toTag().equals(leg.localTag()) || !asked.fromTag().equals(remoteTag)) {
                return SipStatusException.withReason(
                        Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no dialog matches Replaces");
            }
            if (state == LegState.ENDED) {
                return SipStatusException.withReason(Response.DECLINE, "the dialog to replace has ended");
            }
            if (state == LegState.ANSWERED && asked.earlyOnly()) {
                return SipStatusException.withReason(Response.BUSY_HERE, "the dialog to replace is confirmed");
            }
            if (state != LegState.ANSWERED && leg.direction() == SipLeg.Direction.INBOUND) {
                return SipStatusException.withReason(
                        Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "the early dialog to replace is not ours");
            }
            if (state != LegState.ANSWERED) {
                // An early dialog we initiated: replacing one before it is answered is not done.
                return SipStatusException.withReason(
                        Response.NOT_IMPLEMENTED, "replacing an early dialog is not supported");
            }
            LOG.info("Leg {}: an INVITE asks to replace its dialog", leg.id());
            return null;
        }
    }

    private static String valueOf(Header header) {
        if (header instanceof gov.nist.javax.sip.header.SIPHeader sipHeader) {
            return sipHeader.getHeaderValue().trim();
        }
        String text = header.toString();
        return text.substring(text.indexOf(':') + 1).trim();
    }
}
