package dev.liaison.gateway.sip;

import java.text.ParseException;
import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * Loose routing through the configured outbound proxy (RFC 3261 8.1.2, 16.12): a request that starts a dialog or stands
 * alone gets a pre-loaded {@code Route: <sip:proxy;lr>}, so the proxy sees itself as the next hop and the Request-URI
 * stays the real target. Requests inside a dialog follow the dialog's route set (the proxy's Record-Route); when the
 * proxy did not record-route, the stack's outbound proxy setting still sends them to it.
 */
final class OutboundProxy {

    private OutboundProxy() {}

    /** Adds the proxy's Route to {@code request} when an outbound proxy is configured. */
    static void route(SipContext ctx, Request request) throws ParseException {
        String proxy = ctx.properties.outboundProxy();
        if (proxy.isEmpty()) {
            return;
        }
        int slash = proxy.indexOf('/');
        String hostPort = slash < 0 ? proxy : proxy.substring(0, slash);
        String transport = slash < 0 ? "udp" : proxy.substring(slash + 1).toLowerCase(Locale.ROOT);
        SipURI uri = (SipURI) ctx.addresses.createURI("sip:" + hostPort);
        uri.setLrParam();
        if (!"udp".equals(transport)) {
            uri.setTransportParam(transport);
        }
        RouteHeader route = ctx.headers.createRouteHeader(ctx.addresses.createAddress(uri));
        request.addHeader(route);
    }
}
