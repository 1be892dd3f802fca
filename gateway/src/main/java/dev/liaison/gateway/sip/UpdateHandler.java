package dev.liaison.gateway.sip;

import javax.sip.message.Response;

/**
 * UPDATE (RFC 3311) in an early or confirmed dialog: an offer relayed through the call like a re-INVITE's, or (without
 * SDP) a session refresh. Outside a dialog there is nothing to update: 481.
 */
final class UpdateHandler implements RequestHandler {

    private final SipContext ctx;

    UpdateHandler(SipContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(IncomingRequest incoming) {
        if (!incoming.inDialog()) {
            throw new SipStatusException(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "UPDATE outside a dialog");
        }
        SipLeg leg = ctx.legs
                .find(incoming.callId())
                .orElseThrow(
                        () -> new SipStatusException(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no such dialog"));
        leg.network().onUpdate(incoming.transaction(), incoming.request());
    }
}
