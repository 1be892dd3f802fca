package dev.liaison.gateway.sip;

import javax.sip.message.Response;

/**
 * PRACK (RFC 3262): the far end acknowledges one of our reliable provisional responses. The stack has already matched
 * its RAck against the response it retransmits (an out-of-sequence PRACK never reaches here); the leg answers 200 and
 * sends a 2xx it held back for it.
 */
final class PrackHandler implements RequestHandler {

    private final SipContext ctx;

    PrackHandler(SipContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(IncomingRequest incoming) {
        SipLeg leg = ctx.legs
                .find(incoming.callId())
                .orElseThrow(
                        () -> new SipStatusException(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no such dialog"));
        leg.network().onPrack(incoming.transaction());
    }
}
