package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.LegState;
import java.util.Optional;
import javax.sip.Dialog;
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
        leg.network().onRefer(incoming.transaction(), incoming.request(), referTo, joinable(leg, referTo));
    }

    /**
     * The other leg of this node the REFER's {@code Replaces} names, when it matches one exactly (Call-ID, our tag as
     * {@code to-tag}, the far end's as {@code from-tag}) and is answered: the transferor asks to join its two calls.
     * Checked here, outside the REFER leg's lock, so that two legs' locks are never held together. Empty otherwise
     * (no {@code Replaces}, a malformed one, which {@link LegTransfer} refuses, or no such live dialog).
     */
    private Optional<SipLeg> joinable(SipLeg referring, ReferToHeader referTo) {
        Optional<ReplacedDialog> replaces;
        try {
            replaces = ReferTarget.of(referTo).replaces();
        } catch (SipStatusException malformed) {
            return Optional.empty();
        }
        if (replaces.isEmpty()) {
            return Optional.empty();
        }
        ReplacedDialog asked = replaces.get();
        return ctx.legs.find(asked.callId()).filter(other -> other != referring).filter(other -> {
            synchronized (other) {
                Dialog dialog = other.wire().dialog();
                return other.state() == LegState.ANSWERED
                        && dialog != null
                        && asked.toTag().equals(other.localTag())
                        && asked.fromTag().equals(dialog.getRemoteTag());
            }
        });
    }
}
