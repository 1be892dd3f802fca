package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.LegState;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leg's session timer handling (RFC 4028): the timer of the dialog, our refreshes (UPDATE when the far end allows it,
 * else a re-INVITE with the SDP in force) and their responses, the refreshes the far end makes with its re-INVITEs and
 * UPDATEs, and the end of a session nobody refreshed. Guarded by the leg's lock.
 */
final class SessionRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRefresh.class);

    private final SipLeg leg;
    private final SipContext ctx;
    private final DialogWire wire;
    private final SessionTimer timer;
    /** Our refresh (UPDATE, or re-INVITE without a new offer) waiting for its final response. */
    private ClientTransaction refreshTx;
    /** Whether the far end accepts UPDATE (from its Allow), so that a refresh needs no SDP. */
    private boolean farEndAllowsUpdate;

    SessionRefresh(SipLeg leg, SipContext ctx, DialogWire wire) {
        this.leg = leg;
        this.ctx = ctx;
        this.wire = wire;
        this.timer = new SessionTimer(
                ctx.timers,
                () -> leg.act("session refresh", this::refresh),
                () -> leg.act("session expiry", this::expired));
    }

    /** The dialog is confirmed: whether the far end allows UPDATE, and the interval agreed (if any). */
    void start(boolean allowsUpdate, Optional<SessionTimer.Interval> interval) {
        farEndAllowsUpdate = allowsUpdate;
        timer.run(interval);
    }

    /** A 2xx to our re-INVITE with an offer: it refreshes the session too. */
    void refreshedByOurOffer(Response ok) {
        timer.run(SessionTimer.fromResponse(ok).or(timer::current));
    }

    boolean pending() {
        return refreshTx != null;
    }

    boolean isOurs(ClientTransaction transaction) {
        return transaction != null && transaction == refreshTx;
    }

    void stop() {
        timer.stop();
    }

    /** The refresher's half-interval task: refresh with UPDATE when the far end accepts it, else re-INVITE. */
    private void refresh() throws Exception {
        if (leg.state() != LegState.ANSWERED
                || !wire.canSend()
                || timer.current().isEmpty()) {
            return;
        }
        if (leg.media().busy() || refreshTx != null) {
            timer.retryRefresh(Duration.ofSeconds(2));
            return;
        }
        Optional<String> localSdp = leg.media().localSdp();
        boolean byUpdate = farEndAllowsUpdate || localSdp.isEmpty();
        Request refresh = wire.create(byUpdate ? Request.UPDATE : Request.INVITE);
        addTo(refresh);
        if (!byUpdate) {
            wire.setSdp(refresh, localSdp.get());
        }
        refreshTx = wire.send(refresh);
        LOG.debug("Leg {}: session refreshed by {}", leg.id(), refresh.getMethod());
    }

    /** The final response to our refresh (a provisional one changes nothing). */
    void onResponse(Response response) throws Exception {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        boolean wasInvite = Request.INVITE.equals(refreshTx.getRequest().getMethod());
        refreshTx = null;
        if (status < 300) {
            if (wasInvite) {
                wire.sendAck(response, Optional.empty());
            }
            timer.run(SessionTimer.fromResponse(response).or(timer::current));
        } else if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            leg.endByFarEnd(status, response.getReasonPhrase());
        } else if (!wasInvite && (status == Response.METHOD_NOT_ALLOWED || status == Response.NOT_IMPLEMENTED)) {
            farEndAllowsUpdate = false;
            timer.retryRefresh(Duration.ZERO);
        } else {
            LOG.warn("Leg {}: session refresh refused with {}; trying again later", leg.id(), status);
            timer.retryRefresh(timer.current().map(i -> i.length().dividedBy(4)).orElse(Duration.ofSeconds(30)));
        }
    }

    /** RFC 4028 10: a refresh that times out ends the session. */
    void onTimeout() throws Exception {
        refreshTx = null;
        wire.sendBye(SessionTimer.EXPIRED);
        leg.endNow(SessionTimer.EXPIRED);
    }

    /** No refresh arrived in time (RFC 4028 10): BYE with a Reason, and the call ends. */
    private void expired() throws Exception {
        if (leg.state() != LegState.ANSWERED) {
            return;
        }
        LOG.info(
                "Leg {}: session not refreshed within {}",
                leg.id(),
                timer.current().map(SessionTimer.Interval::length));
        wire.sendBye(SessionTimer.EXPIRED);
        leg.endNow(SessionTimer.EXPIRED);
    }

    /** A 2xx to a received re-INVITE or UPDATE refreshes the session (RFC 4028 9): its headers, and the timer again. */
    void refreshedBy(Request request, Response ok) throws ParseException {
        if (leg.state() != LegState.ANSWERED) {
            return;
        }
        boolean asks = request.getHeader(gov.nist.javax.sip.header.extensions.SessionExpiresHeader.NAME) != null;
        if (!asks && timer.current().isEmpty()) {
            return;
        }
        SessionTimer.Interval interval =
                SessionTimer.forReceived(request, ctx.properties.sessionTimerInterval(), timer.current());
        SessionTimer.addToResponse(ctx, request, ok, interval);
        timer.run(Optional.of(interval));
    }

    /** Session timer headers of a re-INVITE or UPDATE we send while a timer runs (we refresh it by sending). */
    void addTo(Request request) throws ParseException {
        Optional<SessionTimer.Interval> interval = timer.current();
        if (interval.isPresent()) {
            SessionTimer.addToRequest(
                    ctx, request, interval.get().length(), interval.get().weRefresh());
            request.setHeader(ctx.headers.createSupportedHeader(OptionTags.TIMER));
        }
    }
}
