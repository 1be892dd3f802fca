package dev.liaison.routes.callback;

import dev.liaison.gateway.call.CallRefusedException;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.NoLegProviderException;
import dev.liaison.gateway.call.TargetNotAllowedException;
import dev.liaison.gateway.camel.GatewayConstants;
import dev.liaison.gateway.client.ClientSessions;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns an accepted callback attempt into a call the gateway places ({@code originate}): decides where it rings
 * ({@link RingPlan}), remembers the call before the command goes out, and reports {@code failed} with the reason when
 * the call cannot even start.
 */
@Component
@EnableConfigurationProperties(CallbackDialingProperties.class)
class CallbackDialer {

    private static final Logger log = LoggerFactory.getLogger(CallbackDialer.class);

    private final CallbackDialingProperties properties;
    private final ObjectProvider<ClientSessions> clientSessions;
    private final CallbackCalls calls;
    private final CallbackProgressTimeline timeline;
    private final CallbackOutcomes outcomes;

    CallbackDialer(
            CallbackDialingProperties properties,
            ObjectProvider<ClientSessions> clientSessions,
            CallbackCalls calls,
            CallbackProgressTimeline timeline,
            CallbackOutcomes outcomes) {
        this.properties = properties;
        this.clientSessions = clientSessions;
        this.calls = calls;
        this.timeline = timeline;
        this.outcomes = outcomes;
    }

    /**
     * Decides where the attempt rings. When something can ring, sets the {@code originate} headers and the
     * {@link CallbackConstants#CALL} property; otherwise reports the attempt {@code failed} with the reason.
     */
    public void plan(Exchange exchange) {
        DialAttempt attempt = exchange.getMessage().getBody(DialAttempt.class);
        ClientSessions sessions = clientSessions.getIfAvailable();
        RingPlan.Ring ring = RingPlan.decide(
                attempt.dialing(), attempt.phoneOnly(), sessions == null ? List.of() : sessions.sessions(), properties);
        String callId = UUID.randomUUID().toString();
        CallbackCall call;
        LegKind kind;
        if (ring instanceof RingPlan.InApp inApp) {
            call = new CallbackCall(callId, attempt.dialing(), CallbackCall.Via.IN_APP, inApp.sessionId());
            kind = LegKind.CLIENT;
        } else if (ring instanceof RingPlan.Phone phone) {
            call = new CallbackCall(callId, attempt.dialing(), CallbackCall.Via.PHONE, phone.sipTarget());
            kind = LegKind.SIP;
        } else {
            RingPlan.Impossible impossible = (RingPlan.Impossible) ring;
            notDialed(attempt, impossible.reason(), impossible.detail());
            return;
        }
        calls.add(call);
        if (ring instanceof RingPlan.Phone phone && phone.fallback() && !attempt.phoneOnly()) {
            timeline.phoneFallback(call);
        }
        Message message = exchange.getMessage();
        message.setHeader(GatewayConstants.CALL_ID, callId);
        message.setHeader(GatewayConstants.TARGET, call.target);
        message.setHeader(GatewayConstants.TARGET_KIND, kind);
        message.setHeader(
                GatewayConstants.DESTINATION, "callback:" + attempt.dialing().callbackId());
        message.setHeader(GatewayConstants.FROM, properties.callerName());
        message.setHeader(
                GatewayConstants.CORRELATION_ID,
                attempt.dialing().correlationId().toString());
        exchange.setProperty(CallbackConstants.CALL, call);
        log.info(
                "Callback {} attempt {}: calling {} ({}) as call {}",
                attempt.dialing().callbackId(),
                attempt.dialing().attempt(),
                call.target,
                call.via.wireName,
                callId);
    }

    /** The gateway refused to place the call: forget it and report the attempt {@code failed} with the reason. */
    public void notStarted(Exchange exchange) {
        CallbackCall call = exchange.getProperty(CallbackConstants.CALL, CallbackCall.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        calls.remove(call);
        String reason;
        if (cause instanceof TargetNotAllowedException) {
            reason = "forbidden-target";
        } else if (cause instanceof NoLegProviderException) {
            reason = call.via == CallbackCall.Via.PHONE ? "no-trunk" : "no-client-gateway";
        } else if (cause instanceof CallRefusedException refused) {
            reason = refused.reason().code();
        } else {
            reason = "error";
        }
        log.warn("Callback {}: call to {} not placed: {}", call.dialing.callbackId(), call.target, reason, cause);
        notDialed(
                new DialAttempt(call.dialing, call.via == CallbackCall.Via.PHONE),
                reason,
                cause == null ? reason : cause.getMessage());
    }

    private void notDialed(DialAttempt attempt, String reason, String detail) {
        log.info(
                "Callback {}: cannot ring the customer: {} ({})",
                attempt.dialing().callbackId(),
                reason,
                detail);
        timeline.notDialed(attempt, reason, detail);
        outcomes.report(attempt.dialing().callbackId(), "failed");
    }
}
