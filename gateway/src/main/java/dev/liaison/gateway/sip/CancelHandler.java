package dev.liaison.gateway.sip;

import javax.sip.message.Response;

/**
 * CANCEL of an inbound INVITE before its final response: 200 to the CANCEL, 487 to the INVITE, the leg ends as
 * cancelled. 481 when no INVITE matches.
 */
final class CancelHandler implements RequestHandler {

    private final SipContext ctx;

    CancelHandler(SipContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(IncomingRequest incoming) throws Exception {
        SipLeg leg = ctx.legs
                .find(incoming.callId())
                .filter(l -> l.direction() == SipLeg.Direction.INBOUND)
                .orElseThrow(() ->
                        new SipStatusException(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no such transaction"));
        incoming.transaction().sendResponse(ctx.messages.createResponse(Response.OK, incoming.request()));
        ctx.metrics.response(Response.OK, true);
        leg.network().onCancel();
    }
}
