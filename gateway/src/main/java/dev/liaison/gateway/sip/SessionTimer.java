package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.EndReason;
import gov.nist.javax.sip.header.extensions.MinSEHeader;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The session timer of one dialog (RFC 4028). The negotiation rules are static methods; an instance holds the
 * interval in force and the one pending timer: as refresher it refreshes at half the interval, otherwise it ends the
 * call when no refresh arrived by the interval minus {@code min(32 s, interval / 3)}. It is guarded by the leg's lock;
 * the tasks it runs go back through the leg.
 */
final class SessionTimer {

    /** Why a call whose session was not refreshed in time ends; its BYE carries this as {@code Reason}. */
    static final EndReason EXPIRED = new EndReason("session-expired", 408, "Session timer expired");

    /** Status of a request whose session interval is below our minimum (RFC 4028 6). */
    static final int INTERVAL_TOO_SMALL = 422;

    /**
     * A negotiated session interval.
     *
     * @param length how long the session lives without a refresh
     * @param weRefresh whether this side sends the refreshes
     */
    record Interval(Duration length, boolean weRefresh) {}

    private final SipTimers timers;
    private final Runnable refresh;
    private final Runnable expire;
    private Interval current;
    private SipTimers.Timer pending;

    SessionTimer(SipTimers timers, Runnable refresh, Runnable expire) {
        this.timers = timers;
        this.refresh = refresh;
        this.expire = expire;
    }

    /** 422 with our {@code Min-SE} for a request whose {@code Session-Expires} is below it. */
    static void requireAtLeast(Request request, Duration minSe) {
        SessionExpiresHeader header = sessionExpires(request);
        if (header != null && header.getExpires() < minSe.toSeconds()) {
            throw new SipStatusException(
                    INTERVAL_TOO_SMALL,
                    "session interval " + header.getExpires() + " s is below our minimum",
                    Map.of("Min-SE", Long.toString(minSe.toSeconds())));
        }
    }

    /**
     * The interval we answer a received INVITE, re-INVITE or UPDATE with (we are the UAS of that transaction). Its
     * {@code Session-Expires} decides, with the refresher it names or, when it names none, the caller if it supports
     * timers; without the header, the interval in force stays, or for a new call ours with us as refresher.
     */
    static Interval forReceived(Request request, Duration ourInterval, Optional<Interval> inForce) {
        SessionExpiresHeader header = sessionExpires(request);
        if (header == null) {
            return inForce.orElse(new Interval(ourInterval, true));
        }
        String refresher = header.getRefresher();
        if (refresher == null || refresher.isBlank()) {
            refresher = OptionTags.supports(request, OptionTags.TIMER) ? "uac" : "uas";
        }
        return new Interval(Duration.ofSeconds(header.getExpires()), "uas".equalsIgnoreCase(refresher));
    }

    /** The interval a 2xx to our INVITE, re-INVITE or UPDATE sets (we are its UAC); empty: no session timer. */
    static Optional<Interval> fromResponse(Response response) {
        SessionExpiresHeader header = sessionExpires(response);
        if (header == null) {
            return Optional.empty();
        }
        boolean weRefresh = !"uas".equalsIgnoreCase(header.getRefresher());
        return Optional.of(new Interval(Duration.ofSeconds(header.getExpires()), weRefresh));
    }

    /** The {@code Min-SE} a 422 asks for, when it names one. */
    static Optional<Duration> minSeOf(Response response) {
        Object header = response.getHeader(MinSEHeader.NAME);
        if (header instanceof gov.nist.javax.sip.header.extensions.MinSE minSe) {
            return Optional.of(Duration.ofSeconds(minSe.getExpires()));
        }
        if (header instanceof javax.sip.header.Header generic) {
            String text = generic.toString()
                    .replaceAll("(?s)^[^:]*:\\s*([0-9]+).*$", "$1")
                    .trim();
            if (text.matches("[0-9]{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            }
        }
        return Optional.empty();
    }

    /** Session timer headers of our 2xx to {@code request} with {@code interval} in force. */
    static void addToResponse(SipContext ctx, Request request, Response ok, Interval interval) throws ParseException {
        String refresher = interval.weRefresh() ? "uas" : "uac";
        ok.setHeader(ctx.headers.createHeader(
                SessionExpiresHeader.NAME, interval.length().toSeconds() + ";refresher=" + refresher));
        if (OptionTags.supports(request, OptionTags.TIMER)) {
            ok.addHeader(ctx.headers.createRequireHeader(OptionTags.TIMER));
        }
    }

    /** Session timer headers of a request we send; {@code asRefresher} names us the refresher. */
    static void addToRequest(SipContext ctx, Request request, Duration interval, boolean asRefresher)
            throws ParseException {
        request.setHeader(ctx.headers.createHeader(
                SessionExpiresHeader.NAME, interval.toSeconds() + (asRefresher ? ";refresher=uac" : "")));
        request.setHeader(ctx.headers.createHeader(
                MinSEHeader.NAME,
                Long.toString(ctx.properties.sessionTimerMinSe().toSeconds())));
    }

    /** The interval in force, if any. */
    Optional<Interval> current() {
        return Optional.ofNullable(current);
    }

    /** Puts {@code interval} in force (empty: no session timer) and schedules its next refresh or expiry. */
    void run(Optional<Interval> interval) {
        cancelPending();
        current = interval.orElse(null);
        if (current == null) {
            return;
        }
        Duration length = current.length();
        if (current.weRefresh()) {
            pending = timers.schedule(length.dividedBy(2), refresh);
        } else {
            Duration margin = length.dividedBy(3).compareTo(Duration.ofSeconds(32)) < 0
                    ? length.dividedBy(3)
                    : Duration.ofSeconds(32);
            pending = timers.schedule(length.minus(margin), expire);
        }
    }

    /** Tries the refresh again after {@code delay} (another offer was in progress). */
    void retryRefresh(Duration delay) {
        cancelPending();
        pending = timers.schedule(delay, refresh);
    }

    /** Stops the timer (the call ended). */
    void stop() {
        cancelPending();
        current = null;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private static SessionExpiresHeader sessionExpires(Message message) {
        Object header = message.getHeader(SessionExpiresHeader.NAME);
        return header instanceof SessionExpiresHeader sessionExpires ? sessionExpires : null;
    }
}
