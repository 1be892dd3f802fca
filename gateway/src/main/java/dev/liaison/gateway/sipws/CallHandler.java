package dev.liaison.gateway.sipws;

import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.CallRequests;
import dev.liaison.gateway.call.MediaMode;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call requests of {@code /ws/sip}: a new INVITE from an authenticated client becomes a {@link WsSipLeg} handed to
 * the {@link CallRequests} bean (the back-to-back user agent, which routes it by the dial plan); in-dialog requests
 * (ACK, BYE, CANCEL, re-INVITE) and responses go to the leg with their Call-ID on the connection.
 */
final class CallHandler {

    private static final Logger log = LoggerFactory.getLogger(CallHandler.class);

    private final SipWsProperties properties;
    private final DigestAuthenticator authenticator;
    private final Supplier<Optional<CallRequests>> callRequests;
    private final ScheduledExecutorService timers;
    private final Consumer<WsSipLeg> onRetired;

    CallHandler(
            SipWsProperties properties,
            DigestAuthenticator authenticator,
            Supplier<Optional<CallRequests>> callRequests,
            ScheduledExecutorService timers,
            Consumer<WsSipLeg> onRetired) {
        this.properties = properties;
        this.authenticator = authenticator;
        this.callRequests = callRequests;
        this.timers = timers;
        this.onRetired = onRetired;
    }

    void invite(SipWsConnection connection, SIPRequest invite) {
        String callId = invite.getCallId().getCallId();
        Optional<WsSipLeg> existing = connection.leg(callId);
        if (invite.getToTag() != null) {
            existing.orElseThrow(CallHandler::noDialog).clientReInvite(invite);
            return;
        }
        if (existing.isPresent()) {
            log.debug("Connection {}: INVITE {} already in progress; dropped", connection.id(), callId);
            return;
        }
        String caller = authenticate(connection, invite);
        String destination = RegisterHandler.userOf(invite.getRequestURI())
                .orElseThrow(() -> new SipWsException(416, "Unsupported URI Scheme"));
        if (WsSipLeg.contactUri(invite).isEmpty()) {
            throw new SipWsException(400, "Missing Contact");
        }
        CallRequests requests =
                callRequests.get().orElseThrow(() -> new SipWsException(480, "Calls are not routed on this node"));
        Optional<String> sdp = SipWsCodec.sdp(invite);
        connection.send(SipWsCodec.response(invite, 100, "Trying", Optional.empty(), List.of(), Optional.empty()));
        String identity = "sip:" + caller + "@" + properties.realm();
        WsSipLeg leg = WsSipLeg.inbound(connection, invite, identity, timers, properties, onRetired);
        connection.addLeg(leg);
        MediaMode mode = sdp.filter(s -> s.contains("m=video")).isPresent() ? MediaMode.VIDEO : MediaMode.AUDIO;
        requests.incoming(
                leg,
                new CallRequest(
                        destination,
                        sdp,
                        mode,
                        Optional.empty(),
                        Map.of("from", caller, "sip.from", identity, "sip.transport", "ws")));
    }

    void ack(SipWsConnection connection, SIPRequest ack) {
        connection.leg(ack.getCallId().getCallId()).ifPresent(leg -> leg.clientAck(ack));
    }

    void bye(SipWsConnection connection, SIPRequest bye) {
        connection
                .leg(bye.getCallId().getCallId())
                .orElseThrow(CallHandler::noDialog)
                .clientBye(bye);
    }

    void cancel(SipWsConnection connection, SIPRequest cancel) {
        connection
                .leg(cancel.getCallId().getCallId())
                .orElseThrow(CallHandler::noDialog)
                .clientCancel(cancel);
    }

    void response(SipWsConnection connection, SIPResponse response) {
        Optional<WsSipLeg> leg = connection.leg(response.getCallId().getCallId());
        if (leg.isEmpty()) {
            log.debug("Connection {}: stray response {} dropped", connection.id(), response.getStatusCode());
            return;
        }
        leg.get().clientResponse(response);
    }

    /** The caller's user name: the connection's, or proved by Proxy-Authorization; else a challenge (407). */
    private String authenticate(SipWsConnection connection, SIPRequest invite) {
        String fromUser =
                RegisterHandler.userOf(invite.getFrom().getAddress().getURI()).orElse("");
        Optional<String> known = connection.user();
        if (known.isPresent() && known.get().equals(fromUser)) {
            return fromUser;
        }
        DigestAuthenticator.Verdict verdict =
                authenticator.verify(RegisterHandler.credentials(invite, "Proxy-Authorization"), invite.getMethod());
        switch (verdict.outcome()) {
            case MISSING, STALE ->
                throw new SipWsException(
                        407,
                        "Proxy Authentication Required",
                        List.of("Proxy-Authenticate: "
                                + authenticator.challenge(verdict.outcome() == DigestAuthenticator.Outcome.STALE)));
            case REFUSED -> throw new SipWsException(403, "Wrong credentials");
            case ACCEPTED -> {}
        }
        if (!verdict.username().equals(fromUser)) {
            throw new SipWsException(403, "From is not the authenticated user");
        }
        connection.authenticated(fromUser);
        return fromUser;
    }

    private static SipWsException noDialog() {
        return new SipWsException(481, "Call/Transaction Does Not Exist");
    }
}
