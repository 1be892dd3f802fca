package dev.liaison.gateway.sip;

import javax.sip.header.ReferToHeader;
import javax.sip.message.Response;

/**
 * REFER inside an answered dialog (RFC 3515): blind transfer, or attended transfer when the Refer-To URI carries a
 * {@code Replaces} header (RFC 3891). The leg accepts it with 202, tells the call through
 * {@code onTransferRequested} and sends one NOTIFY that ends the implicit subscription.
 */
final class ReferHandler implements RequestHandler {

    private final SipContext ctx;

    ReferHandler(SipContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(IncomingRequest incoming) {
        if (!incoming.inDialog()) {
            throw new SipStatusException(Response.FORBIDDEN, "REFER outside a dialog is not accepted");
        }
        SipLeg leg = ctx.legs
                .find(incoming.callId())
                .orElseThrow(
                        () -> new SipStatusException(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no such dialog"));
        ReferToHeader referTo = (ReferToHeader) incoming.request().getHeader(ReferToHeader.NAME);
        if (referTo == null) {
            throw new SipStatusException(Response.BAD_REQUEST, "REFER without Refer-To");
        }
        leg.network().onRefer(incoming.transaction(), incoming.request(), referTo);
    }
}
