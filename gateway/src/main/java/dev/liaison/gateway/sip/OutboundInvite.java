package dev.liaison.gateway.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Builds the dialog-creating INVITE of an outbound leg, with a {@code Replaces} header for an attended transfer. */
final class OutboundInvite {

    static final String REPLACES = "Replaces";
    static final String REPLACES_TAG = "replaces";

    private final SipContext ctx;

    OutboundInvite(SipContext ctx) {
        this.ctx = ctx;
    }

    Request build(
            SipURI target, String callId, String fromTag, Optional<String> sdpOffer, Optional<ReplacedDialog> replaces)
            throws ParseException, InvalidArgumentException {
        String transport = transportOf(ctx, target);
        String user = ctx.properties.username().isEmpty() ? "liaison" : ctx.properties.username();
        SipURI fromUri = ctx.addresses.createSipURI(user, ctx.advertisedHost);
        Address fromAddress = ctx.addresses.createAddress(fromUri);
        FromHeader from = ctx.headers.createFromHeader(fromAddress, fromTag);
        ToHeader to = ctx.headers.createToHeader(ctx.addresses.createAddress((SipURI) target.clone()), null);
        CallIdHeader callIdHeader = ctx.headers.createCallIdHeader(callId);
        CSeqHeader cseq = ctx.headers.createCSeqHeader(1L, Request.INVITE);
        ViaHeader via = ctx.headers.createViaHeader(ctx.advertisedHost, ctx.portFor(transport), transport, null);
        via.setRPort();
        MaxForwardsHeader maxForwards = ctx.headers.createMaxForwardsHeader(70);
        Request invite = ctx.messages.createRequest(
                (SipURI) target.clone(), Request.INVITE, callIdHeader, cseq, from, to, List.of(via), maxForwards);
        invite.addHeader(ctx.contact(transport));
        invite.addHeader(ctx.headers.createAllowHeader(String.join(", ", SipContext.ALLOWED_METHODS)));
        invite.addHeader(ctx.headers.createSupportedHeader(String.join(", ", SipContext.SUPPORTED)));
        SessionTimer.addToRequest(ctx, invite, ctx.properties.sessionTimerInterval(), false);
        if (replaces.isPresent()) {
            // RFC 3891 4: the dialog to replace at the target; required, so a target without support refuses (420).
            invite.addHeader(ctx.headers.createHeader(REPLACES, replaces.get().headerValue()));
            invite.addHeader(ctx.headers.createRequireHeader(REPLACES_TAG));
        }
        OutboundProxy.route(ctx, invite);
        if (sdpOffer.isPresent()) {
            invite.setContent(sdpOffer.get(), ctx.headers.createContentTypeHeader("application", "sdp"));
        }
        return invite;
    }

    /** The transport towards {@code target}: its {@code transport} parameter, else the outbound proxy's, else UDP. */
    static String transportOf(SipContext ctx, SipURI target) {
        String param = target.getTransportParam();
        if (param != null && !param.isBlank()) {
            return param.toLowerCase(Locale.ROOT);
        }
        String proxy = ctx.properties.outboundProxy();
        int slash = proxy.indexOf('/');
        return slash < 0 ? "udp" : proxy.substring(slash + 1).toLowerCase(Locale.ROOT);
    }
}
