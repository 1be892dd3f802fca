package dev.liaison.gateway.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration of the trunk's contact with a registrar (RFC 3261 10), when {@code liaison.sip.registrar} is set:
 * REGISTER at start, answered challenges with the trunk's digest credentials (once per attempt), a refresh at half
 * the lifetime granted, a new attempt after a failure with a backoff that doubles from {@code registration-retry-min}
 * to {@code registration-retry-max}, and an un-REGISTER ({@code Expires: 0}) on stop. The state is an explicit enum,
 * changed in {@link #moveTo} only and exposed as the gauge {@code liaison.sip.registration.state}.
 */
final class Registration {

    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    private static final Duration UNREGISTER_WAIT = Duration.ofSeconds(2);

    /** Where the registration stands. */
    enum State {
        UNREGISTERED,
        REGISTERING,
        REGISTERED,
        RETRY_WAIT,
        UNREGISTERING,
        STOPPED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final SipContext ctx;
    private final String callId;
    private final String fromTag;
    private final String transport;

    // Guarded by "this".
    private State state = State.UNREGISTERED;
    private long cseq;
    private Duration askedExpires;
    private Duration backoff;
    private ClientTransaction pending;
    private boolean challengeAnswered;
    private boolean intervalRaised;
    private SipTimers.Timer timer;
    private CountDownLatch unregistered;

    Registration(SipContext ctx) {
        this.ctx = ctx;
        this.callId = ctx.provider.getNewCallId().getCallId();
        this.fromTag = Long.toHexString(java.util.UUID.randomUUID().getMostSignificantBits());
        String registrar = ctx.properties.registrar();
        int slash = registrar.indexOf('/');
        this.transport = slash < 0 ? "udp" : registrar.substring(slash + 1).toLowerCase(Locale.ROOT);
        this.askedExpires = ctx.properties.registrationExpires();
        this.backoff = ctx.properties.registrationRetryMin();
        ctx.metrics.registrationState(state);
    }

    synchronized State state() {
        return state;
    }

    /** Sends the first REGISTER. */
    synchronized void start() {
        if (state == State.UNREGISTERED) {
            register();
        }
    }

    /** Un-registers (waiting a moment for the registrar's answer) and stops every timer. */
    void stop() {
        CountDownLatch done;
        synchronized (this) {
            cancelTimer();
            boolean bound = state == State.REGISTERED || state == State.REGISTERING;
            if (!bound) {
                moveTo(State.STOPPED);
                return;
            }
            done = new CountDownLatch(1);
            unregistered = done;
            moveTo(State.UNREGISTERING);
            if (!send(Duration.ZERO)) {
                moveTo(State.STOPPED);
                return;
            }
        }
        try {
            if (!done.await(UNREGISTER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("No answer to the un-REGISTER within {}", UNREGISTER_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            moveTo(State.STOPPED);
        }
    }

    /** A response to one of our REGISTERs. */
    synchronized void onResponse(ClientTransaction transaction, Response response) {
        int status = response.getStatusCode();
        ctx.metrics.response(status, false);
        if (transaction == null || transaction != pending || status < 200) {
            return;
        }
        pending = null;
        if (state == State.UNREGISTERING) {
            if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                    && answerChallenge(transaction, response)) {
                return;
            }
            unregistered.countDown();
            return;
        }
        if (state != State.REGISTERING) {
            return;
        }
        if (status / 100 == 2) {
            Duration granted = grantedExpires(response);
            LOG.info("Registered with {} for {}", ctx.properties.registrar(), granted);
            ctx.metrics.registrationAttempt("registered");
            backoff = ctx.properties.registrationRetryMin();
            moveTo(State.REGISTERED);
            schedule(granted.dividedBy(2), this::refresh);
        } else if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && !challengeAnswered
                && answerChallenge(transaction, response)) {
            challengeAnswered = true;
        } else if (status == Response.INTERVAL_TOO_BRIEF && !intervalRaised && minExpires(response) > 0) {
            intervalRaised = true;
            askedExpires = Duration.ofSeconds(minExpires(response));
            if (!send(askedExpires)) {
                failed("cannot send");
            }
        } else {
            failed(status + " " + response.getReasonPhrase());
        }
    }

    /** Our REGISTER got no answer. */
    synchronized void onTimeout(ClientTransaction transaction) {
        if (transaction != pending) {
            return;
        }
        pending = null;
        if (state == State.UNREGISTERING) {
            unregistered.countDown();
        } else if (state == State.REGISTERING) {
            failed("timeout");
        }
    }

    private void refresh() {
        synchronized (this) {
            if (state == State.REGISTERED || state == State.RETRY_WAIT) {
                register();
            }
        }
    }

    private void register() {
        challengeAnswered = false;
        intervalRaised = false;
        moveTo(State.REGISTERING);
        if (!send(askedExpires)) {
            failed("cannot send");
        }
    }

    private void failed(String why) {
        LOG.warn("Registration with {} failed ({}); next attempt in {}", ctx.properties.registrar(), why, backoff);
        ctx.metrics.registrationAttempt("failed");
        moveTo(State.RETRY_WAIT);
        schedule(backoff, this::refresh);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(ctx.properties.registrationRetryMax()) > 0
                ? ctx.properties.registrationRetryMax()
                : doubled;
    }

    private boolean answerChallenge(ClientTransaction transaction, Response response) {
        if (ctx.authentication.isEmpty()) {
            return false;
        }
        try {
            ClientTransaction retry = ctx.authentication.get().handleChallenge(response, transaction, ctx.provider, 5);
            ctx.tune(retry);
            cseq = ((CSeqHeader) retry.getRequest().getHeader(CSeqHeader.NAME)).getSeqNumber();
            pending = retry;
            retry.sendRequest();
            return true;
        } catch (Exception e) {
            LOG.warn("Cannot answer the registrar's challenge: {}", e.toString());
            return false;
        }
    }

    /** Sends a REGISTER asking for {@code expires} (zero: un-register); false when it cannot be sent. */
    private boolean send(Duration expires) {
        try {
            Request register = build(expires);
            ClientTransaction transaction = ctx.clientTransaction(register);
            pending = transaction;
            transaction.sendRequest();
            return true;
        } catch (Exception e) {
            LOG.warn("Cannot send REGISTER to {}: {}", ctx.properties.registrar(), e.toString());
            pending = null;
            return false;
        }
    }

    private Request build(Duration expires) throws ParseException, javax.sip.InvalidArgumentException {
        String registrar = ctx.properties.registrar();
        String hostPort = registrar.replaceAll("/.*$", "");
        String host = hostPort.replaceAll(":\\d+$", "");
        SipURI requestUri = (SipURI) ctx.addresses.createURI("sip:" + hostPort);
        if (!"udp".equals(transport)) {
            requestUri.setTransportParam(transport);
        }
        SipURI aor = ctx.addresses.createSipURI(ctx.properties.username(), host);
        Address aorAddress = ctx.addresses.createAddress(aor);
        FromHeader from = ctx.headers.createFromHeader(aorAddress, fromTag);
        ToHeader to = ctx.headers.createToHeader(ctx.addresses.createAddress((SipURI) aor.clone()), null);
        CallIdHeader callIdHeader = ctx.headers.createCallIdHeader(callId);
        CSeqHeader cseqHeader = ctx.headers.createCSeqHeader(++cseq, Request.REGISTER);
        ViaHeader via = ctx.headers.createViaHeader(ctx.advertisedHost, ctx.portFor(transport), transport, null);
        via.setRPort();
        MaxForwardsHeader maxForwards = ctx.headers.createMaxForwardsHeader(70);
        Request register = ctx.messages.createRequest(
                requestUri, Request.REGISTER, callIdHeader, cseqHeader, from, to, List.of(via), maxForwards);
        register.addHeader(ctx.contact(transport));
        register.addHeader(ctx.headers.createExpiresHeader((int) expires.toSeconds()));
        OutboundProxy.route(ctx, register);
        return register;
    }

    /** The lifetime the registrar granted our contact: its {@code expires} parameter, else Expires, else ours. */
    private Duration grantedExpires(Response response) {
        String ours = ((SipURI) contactUri()).getHost();
        for (Iterator<?> it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            ContactHeader contact = (ContactHeader) it.next();
            if (contact.getAddress().getURI() instanceof SipURI uri
                    && ours.equals(uri.getHost())
                    && "liaison".equals(uri.getUser())
                    && contact.getExpires() > 0) {
                return Duration.ofSeconds(contact.getExpires());
            }
        }
        ExpiresHeader expires = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
        if (expires != null && expires.getExpires() > 0) {
            return Duration.ofSeconds(expires.getExpires());
        }
        return askedExpires;
    }

    private javax.sip.address.URI contactUri() {
        try {
            return ctx.contact(transport).getAddress().getURI();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int minExpires(Response response) {
        MinExpiresHeader header = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
        return header == null ? -1 : header.getExpires();
    }

    private void schedule(Duration delay, Runnable task) {
        cancelTimer();
        timer = ctx.timers.schedule(delay, task);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** The one place where the registration state changes. */
    private void moveTo(State next) {
        if (state != next) {
            LOG.debug("Registration: {} -> {}", state, next);
            state = next;
            ctx.metrics.registrationState(next);
        }
    }
}
