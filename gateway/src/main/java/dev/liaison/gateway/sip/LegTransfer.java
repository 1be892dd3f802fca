package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leg's part in a transfer it asks for (RFC 3515, attended with RFC 3891): the checks on the far end's REFER (the
 * call answered, no transfer pending, a well-formed Refer-To, a {@code Replaces} that does not name a call of this
 * gateway), the 202, the implicit subscription's NOTIFYs, and a hang-up that waits for the final NOTIFY's response.
 * Guarded by the leg's lock.
 */
final class LegTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(LegTransfer.class);

    private final SipLeg leg;
    private final SipContext ctx;
    private final DialogWire wire;
    /** The subscription of the far end's REFER, while its final NOTIFY is owed. */
    private TransferSubscription subscription;

    LegTransfer(SipLeg leg, SipContext ctx, DialogWire wire) {
        this.leg = leg;
        this.ctx = ctx;
        this.wire = wire;
    }

    void onRefer(ServerTransaction transaction, Request refer, ReferToHeader referTo, Optional<SipLeg> joinWith)
            throws Exception {
        if (leg.state() != LegState.ANSWERED || !wire.canSend()) {
            throw new SipStatusException(Response.FORBIDDEN, "call not established");
        }
        if (subscription != null && subscription.active()) {
            throw new SipStatusException(Response.REQUEST_PENDING, "a transfer is in progress");
        }
        ReferTarget asked = ReferTarget.of(referTo);
        Optional<SipLeg> joined = Optional.empty();
        if (asked.replaces().isPresent()) {
            String named = asked.replaces().get().callId();
            if (named.equals(leg.sipCallId())) {
                // Replacing the very dialog the REFER came on cannot mean anything.
                throw SipStatusException.withReason(
                        Response.NOT_IMPLEMENTED, "Replaces names a call of this gateway: the REFER's own dialog");
            }
            if (ctx.legs.find(named).isPresent()) {
                // Both of the transferor's calls go through this node: the call joins them (docs/calls.md).
                joined = joinWith.filter(other -> other.sipCallId().equals(named));
                if (joined.isEmpty()) {
                    throw SipStatusException.withReason(
                            Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                            "Replaces names no established dialog of this gateway");
                }
            }
        }
        wire.respond(transaction, ctx.messages.createResponse(Response.ACCEPTED, refer));
        TransferSubscription started = new TransferSubscription(ctx, wire.dialog(), wire.transport());
        subscription = started;
        started.start(() -> leg.act("transfer outcome timeout", () -> {
            if (subscription == started && started.active()) {
                LOG.info("Leg {}: no transfer outcome reported in time", leg.id());
                started.finish(Response.REQUEST_TIMEOUT, "Request Timeout");
            }
        }));
        if (joined.isPresent()) {
            SipLeg other = joined.get();
            String replaces = asked.replaces().get().headerValue();
            LOG.info(
                    "Leg {}: transfer to {} requested, joining the call of leg {}",
                    leg.id(),
                    asked.target(),
                    other.id());
            leg.event(l -> l.onJoinRequested(leg, asked.target(), replaces, other));
            return;
        }
        LOG.info(
                "Leg {}: transfer to {} requested{}",
                leg.id(),
                asked.target(),
                asked.replaces().isPresent() ? " (attended)" : "");
        leg.event(
                l -> l.onTransferRequested(leg, asked.target(), asked.replaces().map(ReplacedDialog::headerValue)));
    }

    void reportOutcome(int sipStatus, String reasonPhrase) throws Exception {
        if (subscription == null || !subscription.active() || leg.state() != LegState.ANSWERED) {
            leg.ignored("reportTransferOutcome");
            return;
        }
        if (sipStatus < 200 || sipStatus > 699) {
            LOG.warn("Leg {}: transfer outcome {} is not a final SIP status, ignored", leg.id(), sipStatus);
            return;
        }
        subscription.finish(sipStatus, reasonPhrase);
    }

    /**
     * Whether a hang-up must wait: the transferor's final NOTIFY is on its way, so the BYE ({@code hangUp}) follows its
     * response and the two never cross. The hang-up then runs from {@link #onTransactionDone}.
     */
    boolean deferHangUp(EndReason reason, HangUp hangUp) {
        if (leg.state() != LegState.ANSWERED || subscription == null || !subscription.finalPending()) {
            return false;
        }
        subscription.afterFinal(() -> {
            try {
                hangUp.run(reason);
            } catch (Exception e) {
                LOG.warn("Leg {}: hang-up after the final NOTIFY failed: {}", leg.id(), e.toString());
                leg.endNow(reason);
            }
        });
        return true;
    }

    /** A client transaction of the dialog ended: when it is a NOTIFY of ours, the subscription goes on. */
    void onTransactionDone(ClientTransaction transaction) throws Exception {
        if (subscription != null) {
            subscription.onTransactionDone(transaction);
        }
    }

    /** The leg ends: no NOTIFY any more. */
    void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    @FunctionalInterface
    interface HangUp {
        void run(EndReason reason) throws Exception;
    }
}
