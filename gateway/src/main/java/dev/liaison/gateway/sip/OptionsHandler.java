package dev.liaison.gateway.sip;

import javax.sip.message.Response;

/** OPTIONS (keep-alive and capability query from the PBX): 200 with Allow, Accept and Supported. */
final class OptionsHandler implements RequestHandler {

    private final SipContext ctx;

    OptionsHandler(SipContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(IncomingRequest incoming) throws Exception {
        Response ok = ctx.messages.createResponse(Response.OK, incoming.request());
        ok.addHeader(ctx.headers.createAllowHeader(String.join(", ", SipContext.ALLOWED_METHODS)));
        ok.addHeader(ctx.headers.createAcceptHeader("application", "sdp"));
        ok.addHeader(ctx.headers.createSupportedHeader(String.join(", ", SipContext.SUPPORTED)));
        incoming.transaction().sendResponse(ok);
        ctx.metrics.response(Response.OK, true);
    }
}
