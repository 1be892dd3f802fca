package dev.liaison.gateway.sip;

import java.text.ParseException;
import java.time.Duration;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.SipException;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;

/**
 * The implicit subscription a REFER creates (RFC 3515 2.4.4): a first NOTIFY with {@code SIP/2.0 100 Trying}
 * ({@code Subscription-State: active}), then one final NOTIFY with the transfer's outcome as a {@code message/sipfrag}
 * status line that ends the subscription. The outcome comes from the call ({@code CallLeg.reportTransferOutcome}); if
 * none comes within the wait, the final NOTIFY says 408. One NOTIFY is in flight at a time: a final one that is ready
 * while the first has no response yet waits for it, and the leg's BYE after a transfer waits for the final one's
 * response ({@link #afterFinal}), so a transferor never sees them cross. Guarded by the leg's lock.
 */
final class TransferSubscription {

    private final SipContext ctx;
    private final Dialog dialog;
    private final String transport;
    private final Duration wait;
    private SipTimers.Timer timeout;
    private boolean terminated;
    /** The NOTIFY sent last, until its final response (or its timeout). */
    private ClientTransaction inFlight;
    /** The final NOTIFY's status line, waiting for {@link #inFlight}. */
    private String queuedFinal;
    /** What runs once the final NOTIFY has its response. */
    private Runnable whenDone;

    TransferSubscription(SipContext ctx, Dialog dialog, String transport) {
        this.ctx = ctx;
        this.dialog = dialog;
        this.transport = transport;
        this.wait = ctx.properties.noAnswerTimeout().plusSeconds(10);
    }

    /** Sends the first NOTIFY and starts the wait for the outcome; {@code onTimeout} runs if none arrives. */
    void start(Runnable onTimeout) throws ParseException, SipException {
        notify("SIP/2.0 100 Trying", false);
        timeout = ctx.timers.schedule(wait, onTimeout);
    }

    /** Whether the final NOTIFY is still owed. */
    boolean active() {
        return !terminated;
    }

    /** Sends the final NOTIFY with {@code status} (a final SIP status of the transfer) and ends the subscription. */
    void finish(int status, String reasonPhrase) throws ParseException, SipException {
        if (terminated) {
            return;
        }
        terminated = true;
        cancelTimeout();
        if (dialog.getState() != DialogState.CONFIRMED) {
            return;
        }
        String statusLine = "SIP/2.0 " + status + " " + sanitize(reasonPhrase, status);
        if (inFlight != null) {
            queuedFinal = statusLine;
        } else {
            notify(statusLine, true);
        }
    }

    /** Whether the final NOTIFY was decided but has not had its response yet. */
    boolean finalPending() {
        return terminated && (inFlight != null || queuedFinal != null);
    }

    /** Runs {@code task} once the final NOTIFY has its response, at once when nothing is pending. */
    void afterFinal(Runnable task) {
        if (finalPending()) {
            whenDone = task;
        } else {
            task.run();
        }
    }

    /**
     * A client transaction of the dialog ended (final response or timeout): when it is our NOTIFY, the queued final
     * NOTIFY goes out, or what waited for the final one runs.
     */
    void onTransactionDone(ClientTransaction transaction) throws ParseException, SipException {
        if (transaction == null || transaction != inFlight) {
            return;
        }
        inFlight = null;
        if (queuedFinal != null) {
            String statusLine = queuedFinal;
            queuedFinal = null;
            if (dialog.getState() == DialogState.CONFIRMED) {
                notify(statusLine, true);
                return;
            }
        }
        if (terminated && whenDone != null) {
            Runnable task = whenDone;
            whenDone = null;
            task.run();
        }
    }

    /** Ends the subscription without a NOTIFY (the dialog is ending). */
    void cancel() {
        terminated = true;
        queuedFinal = null;
        whenDone = null;
        cancelTimeout();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel();
            timeout = null;
        }
    }

    private void notify(String statusLine, boolean last) throws ParseException, SipException {
        Request notify = dialog.createRequest(Request.NOTIFY);
        notify.setHeader(ctx.headers.createEventHeader("refer"));
        SubscriptionStateHeader subscription;
        if (last) {
            subscription = ctx.headers.createSubscriptionStateHeader(SubscriptionStateHeader.TERMINATED);
            subscription.setReasonCode("noresource");
        } else {
            subscription = ctx.headers.createSubscriptionStateHeader(SubscriptionStateHeader.ACTIVE);
            try {
                subscription.setExpires((int) wait.toSeconds());
            } catch (javax.sip.InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        }
        notify.setHeader(subscription);
        notify.setHeader(ctx.contact(transport));
        notify.setContent(statusLine + "\r\n", ctx.headers.createContentTypeHeader("message", "sipfrag"));
        ClientTransaction transaction = ctx.clientTransaction(notify);
        inFlight = transaction;
        dialog.sendRequest(transaction);
    }

    /** A reason phrase safe for a status line: no line breaks, bounded, never empty. */
    static String sanitize(String reasonPhrase, int status) {
        String phrase = reasonPhrase == null
                ? ""
                : reasonPhrase.replaceAll("[\\r\\n\\t]+", " ").trim();
        if (phrase.length() > 100) {
            phrase = phrase.substring(0, 100);
        }
        if (phrase.isEmpty()) {
            phrase = status / 100 == 2 ? "OK" : "Failed";
        }
        return phrase;
    }
}
