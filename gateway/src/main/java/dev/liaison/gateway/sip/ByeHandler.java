package dev.liaison.gateway.sip;

import javax.sip.message.Response;

/** BYE from the far end: 200 and the leg ends normally; 481 when no such call. */
final class ByeHandler implements RequestHandler {

    private final SipContext ctx;

    ByeHandler(SipContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(IncomingRequest incoming) {
        SipLeg leg = ctx.legs
                .find(incoming.callId())
                .orElseThrow(() -> new SipStatusException(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no such call"));
        leg.network().onBye(incoming.transaction());
    }
}
