package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.CallRequests;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.MediaMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVITE. Inside a dialog it is a re-INVITE for the leg. Otherwise it is a new call: admitted only from a trunk peer,
 * within the per-source rate and the concurrent-call limit, with a SIP Request-URI and a body we understand; then 100
 * Trying, a new inbound {@link SipLeg}, and the call request handed to the {@link CallRequests} bean.
 */
final class InviteHandler implements RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InviteHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final SipContext ctx;
    private final InviteRateLimiter rateLimiter;

    InviteHandler(SipContext ctx) {
        this.ctx = ctx;
        this.rateLimiter = new InviteRateLimiter(ctx.properties.maxInvitesPerSecondPerSource(), ctx.clock);
    }

    @Override
    public void handle(IncomingRequest incoming) throws Exception {
        if (incoming.inDialog()) {
            SipLeg leg = ctx.legs
                    .find(incoming.callId())
                    .orElseThrow(() ->
                            new SipStatusException(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no such dialog"));
            leg.network().onReInvite(incoming.transaction(), incoming.request());
            return;
        }
        admit(incoming);
        Optional<SipLeg> replaced = IncomingReplaces.check(ctx, incoming.request());
        SipURI requestUri = (SipURI) incoming.request().getRequestURI();
        String destination = requestUri.getUser();
        if (destination == null || destination.isBlank()) {
            throw new SipStatusException(Response.NOT_FOUND, "no user part in the Request-URI");
        }
        Optional<CallRequests> callRequests = ctx.callRequests.get();
        if (callRequests.isEmpty()) {
            throw new SipStatusException(Response.TEMPORARILY_UNAVAILABLE, "no call routing in this node");
        }
        incoming.transaction().sendResponse(ctx.messages.createResponse(Response.TRYING, incoming.request()));
        SipLeg leg = SipLeg.inbound(ctx, incoming.transaction(), incoming.request());
        if (!ctx.legs.add(leg)) {
            throw new SipStatusException(Response.LOOP_DETECTED, "a call with this Call-ID exists");
        }
        leg.startInboundAnswerTimer();
        Optional<String> sdp = SipLeg.sdp(incoming.request());
        MediaMode mode = sdp.filter(s -> s.contains("\nm=video")).isPresent() ? MediaMode.VIDEO : MediaMode.AUDIO;
        CallRequest request = new CallRequest(destination, sdp, mode, Optional.empty(), attributes(incoming));
        LOG.info("Inbound call {} to '{}' from {}", leg.id(), destination, leg.remoteIdentity());
        try {
            if (replaced.isPresent()) {
                callRequests.get().replacing(leg, replaced.get(), request);
            } else {
                callRequests.get().incoming(leg, request);
            }
        } catch (RuntimeException e) {
            LOG.warn("Call routing failed for leg {}", leg.id(), e);
            leg.reject(EndReason.ERROR);
        }
    }

    /** The checks a new INVITE must pass before it costs anything; each failure is a typed SIP error. */
    private void admit(IncomingRequest incoming) {
        if (!ctx.peers.allows(incoming.source())) {
            ctx.metrics.rejected("not-a-peer");
            throw new SipStatusException(Response.FORBIDDEN, "source " + incoming.source() + " is not a trunk peer");
        }
        if (!rateLimiter.tryAcquire(incoming.source())) {
            ctx.metrics.rejected("invite-rate");
            throw new SipStatusException(
                    Response.SERVICE_UNAVAILABLE, "INVITE rate exceeded", Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
        if (ctx.legs.size() >= ctx.properties.maxConcurrentCalls()) {
            ctx.metrics.rejected("max-concurrent-calls");
            throw new SipStatusException(
                    Response.SERVICE_UNAVAILABLE, "too many calls", Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
        List<String> unsupported = new ArrayList<>(OptionTags.required(incoming.request()));
        unsupported.removeAll(SipContext.SUPPORTED);
        if (!unsupported.isEmpty()) {
            throw new SipStatusException(
                    Response.BAD_EXTENSION,
                    "unsupported extension",
                    Map.of("Unsupported", String.join(", ", unsupported)));
        }
        SessionTimer.requireAtLeast(incoming.request(), ctx.properties.sessionTimerMinSe());
        if (!(incoming.request().getRequestURI() instanceof SipURI)) {
            throw new SipStatusException(Response.UNSUPPORTED_URI_SCHEME, "only sip: Request-URIs");
        }
        if (!acceptsSdp(incoming)) {
            throw new SipStatusException(
                    Response.NOT_ACCEPTABLE, "the caller does not accept SDP", Map.of("Accept", "application/sdp"));
        }
        ContentTypeHeader type = (ContentTypeHeader) incoming.request().getHeader(ContentTypeHeader.NAME);
        byte[] body = incoming.request().getRawContent();
        if (body != null
                && body.length > 0
                && (type == null
                        || !("application".equalsIgnoreCase(type.getContentType())
                                && "sdp".equalsIgnoreCase(type.getContentSubType())))) {
            throw new SipStatusException(
                    Response.UNSUPPORTED_MEDIA_TYPE, "only application/sdp", Map.of("Accept", "application/sdp"));
        }
    }

    /** Whether the INVITE's Accept headers (if any) admit an SDP answer. */
    private static boolean acceptsSdp(IncomingRequest incoming) {
        Iterator<?> accepts = incoming.request().getHeaders(AcceptHeader.NAME);
        if (!accepts.hasNext()) {
            return true;
        }
        while (accepts.hasNext()) {
            AcceptHeader accept = (AcceptHeader) accepts.next();
            String type = accept.getContentType() == null ? "*" : accept.getContentType();
            String subType = accept.getContentSubType() == null ? "*" : accept.getContentSubType();
            if ((type.equals("*") || type.equalsIgnoreCase("application"))
                    && (subType.equals("*") || subType.equalsIgnoreCase("sdp"))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> attributes(IncomingRequest incoming) {
        Map<String, String> attributes = new HashMap<>();
        FromHeader from = (FromHeader) incoming.request().getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) incoming.request().getHeader(ToHeader.NAME);
        attributes.put("sip.from", from.getAddress().toString());
        attributes.put("sip.to", to.getAddress().toString());
        attributes.put("sip.callId", incoming.callId());
        Header pai = incoming.request().getHeader("P-Asserted-Identity");
        if (pai != null) {
            String value = pai.toString();
            attributes.put(
                    "sip.pAssertedIdentity",
                    value.substring(value.indexOf(':') + 1).trim());
        }
        return attributes;
    }
}
