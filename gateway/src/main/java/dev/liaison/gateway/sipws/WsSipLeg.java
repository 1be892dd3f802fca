package dev.liaison.gateway.sipws;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegListener;
import dev.liaison.gateway.call.LegState;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SIP dialog with a client on {@code /ws/sip} as a {@link CallLeg}. {@link Direction#INBOUND}: the client called
 * (the gateway is its UAS); {@link Direction#OUTBOUND}: the gateway calls a registered contact (the gateway is the
 * UAC). The transport is reliable, so nothing is retransmitted; an answer with no ACK, or a call that rings too long,
 * ends by timeout. The leg's state changes only in {@link #move}; listener events are delivered outside its lock.
 */
final class WsSipLeg implements CallLeg {

    private static final Logger log = LoggerFactory.getLogger(WsSipLeg.class);
    /** The WebSocket carrying the dialog closed. */
    static final EndReason CONNECTION_LOST = new EndReason("connection-lost", 408, "WebSocket closed");

    private static final EndReason NO_ACK = new EndReason("no-ack", 408, "No ACK for the answer");

    /** Who sent the dialog's INVITE. */
    enum Direction {
        /** The client's INVITE. */
        INBOUND,
        /** The gateway's INVITE to a registered contact. */
        OUTBOUND
    }

    private final String id = UUID.randomUUID().toString();
    private final Direction direction;
    private final SipWsConnection connection;
    private final String sipCallId;
    private final String localTag;
    private final String localAddress;
    private final String remoteAddress;
    private final String identity;
    private final ScheduledExecutorService timers;
    private final SipWsProperties properties;
    private final Consumer<WsSipLeg> onRetired;

    private LegState state;
    private LegListener listener;
    private String remoteTag;
    private String remoteTarget;
    private int localCseq;
    /** INBOUND: the client's INVITE, answered by the commands. */
    private SIPRequest invite;
    /** OUTBOUND: the branch of our INVITE (its CANCEL and non-2xx ACK reuse it). */
    private String inviteBranch;
    /** The client's re-INVITE waiting for {@link #answerMediaUpdate}. */
    private SIPRequest pendingReInvite;
    /** Our re-INVITE's CSeq while it waits for the client's answer, else 0. */
    private int ourReInviteCseq;
    /** OUTBOUND: our INVITE still waits for its final response (after a CANCEL the 487 must be acknowledged). */
    private boolean awaitingFinal;

    private boolean retired;
    private ScheduledFuture<?> timer;

    private WsSipLeg(
            Direction direction,
            SipWsConnection connection,
            String sipCallId,
            String localAddress,
            String remoteAddress,
            String identity,
            ScheduledExecutorService timers,
            SipWsProperties properties,
            Consumer<WsSipLeg> onRetired) {
        this.direction = direction;
        this.connection = connection;
        this.sipCallId = sipCallId;
        this.localTag = Long.toHexString(Double.doubleToLongBits(Math.random()) ^ System.nanoTime());
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.identity = identity;
        this.timers = timers;
        this.properties = properties;
        this.onRetired = onRetired;
    }

    /** The leg of a client's INVITE (already authenticated, with a Contact). */
    static WsSipLeg inbound(
            SipWsConnection connection,
            SIPRequest invite,
            String identity,
            ScheduledExecutorService timers,
            SipWsProperties properties,
            Consumer<WsSipLeg> onRetired) {
        WsSipLeg leg = new WsSipLeg(
                Direction.INBOUND,
                connection,
                invite.getCallId().getCallId(),
                "<" + invite.getTo().getAddress().getURI() + ">",
                "<" + invite.getFrom().getAddress().getURI() + ">",
                identity,
                timers,
                properties,
                onRetired);
        leg.state = LegState.CALLING;
        leg.invite = invite;
        leg.remoteTag = invite.getFromTag();
        leg.remoteTarget = contactUri(invite).orElseThrow();
        leg.localCseq = 0;
        return leg;
    }

    /** A leg towards a registered contact; {@link #start} sends the INVITE. */
    static WsSipLeg outbound(
            Registrar.Binding binding,
            String fromUser,
            ScheduledExecutorService timers,
            SipWsProperties properties,
            Consumer<WsSipLeg> onRetired) {
        WsSipLeg leg = new WsSipLeg(
                Direction.OUTBOUND,
                binding.connection(),
                UUID.randomUUID().toString(),
                "<sip:" + fromUser + "@" + properties.realm() + ">",
                "<sip:" + binding.user() + "@" + properties.realm() + ">",
                "sip:" + binding.user() + "@" + properties.realm(),
                timers,
                properties,
                onRetired);
        leg.state = LegState.NEW;
        leg.remoteTarget = binding.contact();
        return leg;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LegKind kind() {
        return LegKind.SIP_WS;
    }

    @Override
    public synchronized LegState state() {
        return state;
    }

    /** The client's address of record ({@code sip:alice@realm}). */
    @Override
    public String remoteIdentity() {
        return identity;
    }

    String sipCallId() {
        return sipCallId;
    }

    Direction direction() {
        return direction;
    }

    @Override
    public synchronized void setListener(LegListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ---- commands from the call -----------------------------------------------------------------------------------

    @Override
    public void start(Optional<String> sdpOffer) {
        synchronized (this) {
            if (!fits("start", direction == Direction.OUTBOUND, Set.of(LegState.NEW))) {
                return;
            }
            move(LegState.CALLING);
            localCseq = 1;
            inviteBranch = branch();
            awaitingFinal = true;
            connection.send(request(SipWsMethods.INVITE, localCseq, inviteBranch, sdpOffer, true, List.of()));
            timer = timers.schedule(
                    () -> hangUp(EndReason.NO_ANSWER),
                    properties.noAnswerTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void ringing(Optional<String> earlySdp) {
        synchronized (this) {
            if (fits("ringing", direction == Direction.INBOUND, Set.of(LegState.CALLING, LegState.RINGING))) {
                move(LegState.RINGING);
                int status = earlySdp.isPresent() ? 183 : 180;
                respond(invite, status, status == 183 ? "Session Progress" : "Ringing", List.of(), earlySdp);
            }
        }
    }

    @Override
    public void answer(String sdp) {
        synchronized (this) {
            if (fits("answer", direction == Direction.INBOUND, Set.of(LegState.CALLING, LegState.RINGING))) {
                move(LegState.ANSWERED);
                respond(invite, 200, "OK", List.of("Contact: " + connection.contact()), Optional.of(sdp));
                timer = timers.schedule(
                        () -> hangUp(NO_ACK), properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void reject(EndReason reason) {
        synchronized (this) {
            if (!fits("reject", direction == Direction.INBOUND, Set.of(LegState.CALLING, LegState.RINGING))) {
                return;
            }
            refuseInvite(reason);
            move(LegState.ENDED);
        }
        ended(reason);
    }

    @Override
    public void hangUp(EndReason reason) {
        synchronized (this) {
            switch (state) {
                case ENDED -> {
                    return;
                }
                case NEW -> {}
                case CALLING, RINGING -> {
                    if (direction == Direction.INBOUND) {
                        refuseInvite(reason);
                    } else {
                        connection.send(request(
                                SipWsMethods.CANCEL,
                                localCseq,
                                inviteBranch,
                                Optional.empty(),
                                false,
                                reasonHeader(reason)));
                    }
                }
                case ANSWERED ->
                    connection.send(request(
                            SipWsMethods.BYE, ++localCseq, branch(), Optional.empty(), false, reasonHeader(reason)));
            }
            move(LegState.ENDED);
        }
        ended(reason);
    }

    @Override
    public void updateMedia(String sdpOffer) {
        synchronized (this) {
            if (fits("updateMedia", ourReInviteCseq == 0 && pendingReInvite == null, Set.of(LegState.ANSWERED))) {
                ourReInviteCseq = ++localCseq;
                connection.send(request(
                        SipWsMethods.INVITE, ourReInviteCseq, branch(), Optional.of(sdpOffer), true, List.of()));
            }
        }
    }

    @Override
    public void answerMediaUpdate(String sdpAnswer) {
        synchronized (this) {
            if (fits("answerMediaUpdate", pendingReInvite != null, Set.of(LegState.ANSWERED))) {
                respond(
                        pendingReInvite,
                        200,
                        "OK",
                        List.of("Contact: " + connection.contact()),
                        Optional.of(sdpAnswer));
                pendingReInvite = null;
            }
        }
    }

    // ---- requests and responses from the client -------------------------------------------------------------------

    /** The client's ACK: for our 2xx, the call is confirmed; anything else is absorbed. */
    void clientAck(SIPRequest ack) {
        synchronized (this) {
            if (direction == Direction.INBOUND && state == LegState.ANSWERED) {
                cancelTimer();
            }
        }
    }

    /** The client's CANCEL of its own INVITE: 200 to the CANCEL, 487 to the INVITE. */
    void clientCancel(SIPRequest cancel) {
        synchronized (this) {
            connection.send(SipWsCodec.response(cancel, 200, "OK", Optional.of(localTag), List.of(), Optional.empty()));
            if (direction != Direction.INBOUND || (state != LegState.CALLING && state != LegState.RINGING)) {
                return;
            }
            respond(invite, 487, "Request Terminated", List.of(), Optional.empty());
            move(LegState.ENDED);
        }
        ended(EndReason.CANCELLED);
    }

    /** The client hung up. */
    void clientBye(SIPRequest bye) {
        synchronized (this) {
            connection.send(SipWsCodec.response(bye, 200, "OK", Optional.empty(), List.of(), Optional.empty()));
            if (state == LegState.ENDED) {
                return;
            }
            move(LegState.ENDED);
        }
        ended(EndReason.NORMAL);
    }

    /** A re-INVITE from the client (hold, resume, new address). */
    void clientReInvite(SIPRequest reInvite) {
        Optional<String> sdp = SipWsCodec.sdp(reInvite);
        synchronized (this) {
            if (state != LegState.ANSWERED) {
                throw new SipWsException(491, "Request Pending");
            }
            if (pendingReInvite != null || ourReInviteCseq != 0) {
                throw new SipWsException(491, "Request Pending");
            }
            if (sdp.isEmpty()) {
                throw new SipWsException(488, "A re-INVITE needs an SDP offer here");
            }
            contactUri(reInvite).ifPresent(uri -> remoteTarget = uri);
            pendingReInvite = reInvite;
        }
        notifyListener(l -> l.onMediaOffer(this, sdp.get()));
    }

    /** A response from the client to one of our requests. */
    void clientResponse(SIPResponse response) {
        String method = response.getCSeq().getMethod();
        int status = response.getStatusCode();
        if (!SipWsMethods.INVITE.equals(method) || status < 101) {
            return;
        }
        long cseq = response.getCSeq().getSeqNumber();
        if (direction == Direction.OUTBOUND && cseq == 1) {
            initialInviteResponse(response, status);
        } else if (cseq == ourReInviteCseq) {
            reInviteResponse(response, status);
        }
    }

    private void initialInviteResponse(SIPResponse response, int status) {
        Consumer<LegListener> event = null;
        boolean retire = false;
        synchronized (this) {
            if (status < 200) {
                if (state == LegState.CALLING || state == LegState.RINGING) {
                    move(LegState.RINGING);
                    Optional<String> early = status == 183 ? SipWsCodec.sdp(response) : Optional.empty();
                    event = l -> l.onRinging(this, early);
                }
            } else if (status < 300) {
                awaitingFinal = false;
                remoteTag = response.getToTag();
                contactUri(response).ifPresent(uri -> remoteTarget = uri);
                connection.send(request(SipWsMethods.ACK, 1, branch(), Optional.empty(), false, List.of()));
                if (state == LegState.ENDED) {
                    // Answered while we were cancelling: end the dialog it opened.
                    connection.send(
                            request(SipWsMethods.BYE, ++localCseq, branch(), Optional.empty(), false, List.of()));
                    retire = true;
                } else {
                    cancelTimer();
                    move(LegState.ANSWERED);
                    String sdp = SipWsCodec.sdp(response).orElse("");
                    event = l -> l.onAnswered(this, sdp);
                }
            } else {
                awaitingFinal = false;
                String toTag = response.getToTag();
                connection.send(nonTwoXxAck(toTag));
                if (state != LegState.ENDED) {
                    move(LegState.ENDED);
                    EndReason reason = EndReason.fromSipStatus(status, response.getReasonPhrase());
                    event = l -> l.onEnded(this, reason);
                    retire = true;
                } else {
                    retire = true;
                }
            }
        }
        if (event != null) {
            notifyListener(event);
        }
        if (retire) {
            retire();
        }
    }

    private void reInviteResponse(SIPResponse response, int status) {
        if (status < 200) {
            return;
        }
        Optional<String> sdp;
        synchronized (this) {
            int cseq = ourReInviteCseq;
            ourReInviteCseq = 0;
            if (status < 300) {
                connection.send(request(SipWsMethods.ACK, cseq, branch(), Optional.empty(), false, List.of()));
            }
            sdp = status < 300 ? SipWsCodec.sdp(response) : Optional.empty();
        }
        if (sdp.isPresent()) {
            notifyListener(l -> l.onMediaAnswer(this, sdp.get()));
        } else {
            log.info("Leg {}: the client refused our re-INVITE with {}; ending the call", id, status);
            hangUp(EndReason.fromSipStatus(status, response.getReasonPhrase()));
        }
    }

    /** The connection closed under the call. */
    void connectionLost() {
        synchronized (this) {
            awaitingFinal = false;
            if (state == LegState.ENDED) {
                return;
            }
            move(LegState.ENDED);
        }
        ended(CONNECTION_LOST);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void refuseInvite(EndReason reason) {
        int status = reason.sipStatus() < 300 ? 480 : reason.sipStatus();
        respond(invite, status, reason.text(), reasonHeader(reason), Optional.empty());
    }

    private void respond(SIPRequest request, int status, String reason, List<String> headers, Optional<String> sdp) {
        connection.send(SipWsCodec.response(request, status, reason, Optional.of(localTag), headers, sdp));
    }

    private String request(
            String method, int cseq, String branch, Optional<String> sdp, boolean contact, List<String> headers) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(remoteTarget)
                .append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/")
                .append(connection.viaTransport())
                .append(' ')
                .append(connection.viaSentBy())
                .append(";branch=")
                .append(branch)
                .append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: ")
                .append(localAddress)
                .append(";tag=")
                .append(localTag)
                .append("\r\n")
                .append("To: ")
                .append(remoteAddress)
                .append(remoteTag == null ? "" : ";tag=" + remoteTag)
                .append("\r\n")
                .append("Call-ID: ")
                .append(sipCallId)
                .append("\r\n")
                .append("CSeq: ")
                .append(cseq)
                .append(' ')
                .append(method)
                .append("\r\n");
        if (contact) {
            head.append("Contact: ").append(connection.contact()).append("\r\n");
        }
        headers.forEach(h -> head.append(h).append("\r\n"));
        return SipWsCodec.withBody(head, sdp);
    }

    /** The ACK of a non-2xx final response: same branch as the INVITE, the To tag of the response. */
    private String nonTwoXxAck(String toTag) {
        String saved = remoteTag;
        remoteTag = toTag;
        String ack = request(SipWsMethods.ACK, 1, inviteBranch, Optional.empty(), false, List.of());
        remoteTag = saved;
        return ack;
    }

    private static List<String> reasonHeader(EndReason reason) {
        return List.of("Reason: SIP;cause=" + reason.sipStatus() + ";text=\""
                + reason.text().replace("\"", "'") + "\"");
    }

    private static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
    }

    static Optional<String> contactUri(gov.nist.javax.sip.message.SIPMessage message) {
        Contact contact = (Contact) message.getHeader("Contact");
        if (contact == null || contact.isWildCard() || contact.getAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(contact.getAddress().getURI().toString());
    }

    private boolean fits(String command, boolean applies, Set<LegState> from) {
        if (!applies || !from.contains(state)) {
            log.info("Leg {} ({} {}): ignored {} in state {}", id, direction, sipCallId, command, state);
            return false;
        }
        return true;
    }

    /** The one place the leg's state changes. */
    private void move(LegState to) {
        if (state != to) {
            log.debug("Leg {}: {} -> {}", id, state, to);
        }
        state = to;
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** After the move to ENDED: tell the call, and forget the leg unless our INVITE still awaits its final response. */
    private void ended(EndReason reason) {
        boolean keep;
        synchronized (this) {
            cancelTimer();
            keep = awaitingFinal;
            if (keep) {
                timer = timers.schedule(this::retire, properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        notifyListener(l -> l.onEnded(this, reason));
        if (!keep) {
            retire();
        }
    }

    private void retire() {
        synchronized (this) {
            if (retired) {
                return;
            }
            retired = true;
            cancelTimer();
        }
        connection.removeLeg(this);
        onRetired.accept(this);
    }

    private void notifyListener(Consumer<LegListener> event) {
        LegListener current;
        synchronized (this) {
            current = listener;
        }
        if (current == null) {
            log.warn("Leg {} has no listener yet; event dropped", id);
            return;
        }
        try {
            event.accept(current);
        } catch (RuntimeException e) {
            log.error("Leg {}: the call's listener failed", id, e);
        }
    }

    /** For tests: how long the leg waits for an answer. */
    Duration noAnswerTimeout() {
        return properties.noAnswerTimeout();
    }
}
