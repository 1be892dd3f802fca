package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegState;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network side of a {@link SipLeg}: what the method handlers and the dispatcher report for its dialog (requests,
 * responses, timeouts, the stack ending the dialog), each run under the leg's lock and routed to the part whose job
 * it is: the INVITE's setup ({@link InboundSetup}, {@link OutboundSetup}), {@link OfferAnswer}, {@link SessionRefresh}
 * or {@link LegTransfer}. A response or timeout is matched to the part by its client transaction.
 */
final class LegNetworkEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LegNetworkEvents.class);

    private final SipLeg leg;
    private final SipContext ctx;

    LegNetworkEvents(SipLeg leg, SipContext ctx) {
        this.leg = leg;
        this.ctx = ctx;
    }

    void onInviteResponse(ClientTransaction transaction, Response response, Dialog responseDialog) {
        leg.act("INVITE response", () -> {
            if (leg.media().isPendingUpdate(transaction)) {
                leg.media().onReInviteResponse(response);
            } else if (leg.refresh().isOurs(transaction)) {
                leg.refresh().onResponse(response);
            } else if (leg.outbound() != null && leg.outbound().isInvite(transaction)) {
                leg.outbound().onResponse(transaction, response, responseDialog);
            } else if (response.getStatusCode() / 100 == 2 && !leg.isReleased()) {
                LOG.debug("Leg {}: 2xx retransmission or fork ignored", leg.id());
            }
        });
    }

    /** A response to one of our in-dialog requests other than INVITE (UPDATE refresh, PRACK, NOTIFY, BYE). */
    void onOtherResponse(ClientTransaction transaction, Response response) {
        leg.act("response", () -> {
            ctx.metrics.response(response.getStatusCode(), false);
            if (leg.refresh().isOurs(transaction)) {
                leg.refresh().onResponse(response);
            } else if (leg.media().isPendingUpdate(transaction)) {
                leg.media().onUpdateResponse(response);
            } else if (response.getStatusCode() >= 200) {
                leg.transfer().onTransactionDone(transaction);
            }
        });
    }

    void onReInvite(ServerTransaction transaction, Request request) {
        leg.act("re-INVITE", () -> leg.media().onReInvite(transaction, request));
    }

    void onUpdate(ServerTransaction transaction, Request update) {
        leg.act("UPDATE", () -> leg.media().onUpdate(transaction, update));
    }

    void onPrack(ServerTransaction transaction) {
        leg.act("PRACK", () -> {
            if (leg.inbound() != null) {
                leg.inbound().onPrack(transaction);
            } else {
                leg.wire().respondQuietly(transaction, Response.OK);
            }
        });
    }

    void onRefer(
            ServerTransaction transaction, Request refer, ReferToHeader referTo, java.util.Optional<SipLeg> joinWith) {
        leg.act("REFER", () -> leg.transfer().onRefer(transaction, refer, referTo, joinWith));
    }

    void onAck(Request ack) {
        leg.act("ACK", () -> {
            if (leg.inbound() != null) {
                leg.inbound().onAck(ack);
            }
        });
    }

    void onBye(ServerTransaction transaction) {
        leg.act("BYE", () -> {
            // The far end hung up whether or not our 200 reaches it (it may close the connection at once).
            leg.wire().respondQuietly(transaction, Response.OK);
            leg.media().abandonReceivedOffer();
            if (leg.state() != LegState.ENDED) {
                leg.endNow(EndReason.NORMAL);
            } else {
                leg.release();
            }
        });
    }

    void onCancel() {
        leg.act("CANCEL", () -> {
            if (leg.inbound() != null) {
                leg.inbound().onCancel();
            }
        });
    }

    void onTimeout(ClientTransaction transaction) {
        leg.act("timeout", () -> {
            LegState state = leg.state();
            boolean invite = leg.outbound() != null && leg.outbound().isInvite(transaction);
            if (invite && (state == LegState.CALLING || state == LegState.RINGING)) {
                leg.endByFarEnd(Response.REQUEST_TIMEOUT, "Request timeout");
            } else if (invite && state == LegState.ENDED) {
                leg.release();
            } else if (leg.media().isPendingUpdate(transaction)) {
                leg.media().onUpdateTimeout();
            } else if (leg.refresh().isOurs(transaction)) {
                leg.refresh().onTimeout();
            } else {
                leg.transfer().onTransactionDone(transaction);
            }
        });
    }

    /** The dialog died under us (no ACK, transport loss): end the leg. */
    void onDialogGone(String why) {
        leg.act("dialog gone", () -> {
            if (leg.state() != LegState.ENDED) {
                LOG.info("Leg {}: dialog ended by the stack ({})", leg.id(), why);
                leg.endNow(EndReason.ERROR);
            } else {
                leg.release();
            }
        });
    }

    /** The stack ended a dialog: when it is this leg's current dialog and the leg still lives, the leg ends too. */
    void onDialogTerminated(Dialog terminated) {
        leg.act("dialog terminated", () -> {
            if (terminated != leg.wire().dialog()) {
                return; // an earlier dialog, e.g. of the INVITE that was challenged for credentials
            }
            boolean owesWire = (leg.outbound() != null && leg.outbound().cancelOwed())
                    || (leg.inbound() != null && leg.inbound().byeOwed());
            if (leg.state() == LegState.ANSWERED) {
                LOG.info("Leg {}: dialog terminated by the stack", leg.id());
                leg.endNow(EndReason.ERROR);
            } else if (leg.state() == LegState.ENDED && !owesWire) {
                leg.release();
            }
        });
    }
}
