package dev.liaison.gateway.sip;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The far end's offer (a re-INVITE or UPDATE with SDP) that a leg holds for the call's answer, with the wait that
 * bounds it: an offer the call does not answer in 64*T1 (RFC 3311 5.2) is refused with 500 and {@code Retry-After}, so
 * no server transaction is left waiting. One at a time. Guarded by the leg's lock.
 */
final class ReceivedOffer {

    private final SipContext ctx;
    private ServerTransaction transaction;
    private SipTimers.Timer timer;

    ReceivedOffer(SipContext ctx) {
        this.ctx = ctx;
    }

    /** Whether an offer waits for its answer. */
    boolean pending() {
        return transaction != null;
    }

    /** Whether {@code candidate} is the offer that waits (a timeout may come after it was answered). */
    boolean isHeld(ServerTransaction candidate) {
        return transaction != null && transaction == candidate;
    }

    /** The request that carried the waiting offer; only while {@link #pending}. */
    Request request() {
        return transaction.getRequest();
    }

    /** Holds {@code offer}; {@code onTimeout} runs after 64*T1 unless the offer was answered or refused by then. */
    void hold(ServerTransaction offer, Runnable onTimeout) {
        transaction = offer;
        cancelTimer();
        timer = ctx.timers.schedule(ctx.properties.timerT1().multipliedBy(64), onTimeout);
    }

    /** The waiting offer's transaction, no longer held (to answer it). */
    ServerTransaction take() {
        ServerTransaction taken = transaction;
        transaction = null;
        cancelTimer();
        return taken;
    }

    /** Answers the waiting offer with {@code status} (with {@code Retry-After: 2} for a 500). */
    void refuse(int status, String reasonPhrase) throws ParseException, SipException, InvalidArgumentException {
        ServerTransaction refusedOffer = take();
        Response refused = ctx.messages.createResponse(status, refusedOffer.getRequest());
        if (reasonPhrase != null) {
            refused.setReasonPhrase(reasonPhrase);
        }
        if (status == Response.SERVER_INTERNAL_ERROR) {
            refused.setHeader(ctx.headers.createRetryAfterHeader(2));
        }
        refusedOffer.sendResponse(refused);
        ctx.metrics.response(status, true);
    }

    /** Stops the wait (the leg ends); the transaction, if any, is left to the stack. */
    void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
