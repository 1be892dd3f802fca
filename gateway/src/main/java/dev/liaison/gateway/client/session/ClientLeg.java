package dev.liaison.gateway.client.session;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegListener;
import dev.liaison.gateway.call.LegState;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import dev.liaison.gateway.client.protocol.MediaModes;
import dev.liaison.gateway.client.protocol.ServerMessage;
import dev.liaison.gateway.media.LegMediaStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a client session as the back-to-back user agent sees it. Commands from the call become messages to the
 * browser; the browser's messages ({@code client*} methods) become {@link LegListener} events. An
 * {@link Direction#OUTGOING} leg is the browser calling (the call's caller leg); an {@link Direction#INCOMING} leg is
 * a call to the browser (made by {@link ClientLegProvider}). The leg's state changes only in {@link #move}; listener
 * events are delivered outside the leg's lock. Thread-safe.
 */
public final class ClientLeg implements CallLeg {

    private static final Logger log = LoggerFactory.getLogger(ClientLeg.class);

    /** Who placed the call, from the browser's point of view. */
    public enum Direction {
        /** The browser called ({@code call} message). */
        OUTGOING,
        /** The browser is called ({@code incoming-call}). */
        INCOMING
    }

    private final String id;
    private final Direction direction;
    private final ClientSession session;
    private final MediaMode mode;
    private final String peer;
    private final Consumer<ClientLeg> onEnded;

    private LegState state;
    private LegListener listener;
    private boolean held;
    private boolean audioMuted;
    private boolean videoMuted;
    private Optional<String> remoteSdp = Optional.empty();
    private volatile String callLayerId;

    /**
     * @param peer what the browser is shown as the other side: the destination it called, or the caller of an incoming
     *     call
     * @param onEnded told once when the leg ends, to forget it
     */
    ClientLeg(
            String id,
            Direction direction,
            ClientSession session,
            MediaMode mode,
            String peer,
            Consumer<ClientLeg> onEnded) {
        this.id = Objects.requireNonNull(id, "id");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.session = Objects.requireNonNull(session, "session");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.onEnded = Objects.requireNonNull(onEnded, "onEnded");
        this.state = direction == Direction.OUTGOING ? LegState.CALLING : LegState.NEW;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The id of the call this leg belongs to in the call layer (the {@code gateway:} component's
     * {@code LiaisonGatewayCallId}), for a leg the call layer created towards this client; empty for a leg the client
     * started itself (its call request carries this leg's id as attribute {@code client.call} instead).
     */
    public Optional<String> callLayerId() {
        return Optional.ofNullable(callLayerId);
    }

    void bindCallLayer(String callId) {
        this.callLayerId = callId;
    }

    @Override
    public LegKind kind() {
        return LegKind.CLIENT;
    }

    @Override
    public synchronized LegState state() {
        return state;
    }

    /** The client session id: the address under which the call reaches this browser again. */
    @Override
    public String remoteIdentity() {
        return session.id();
    }

    public Direction direction() {
        return direction;
    }

    public ClientSession session() {
        return session;
    }

    public MediaMode mode() {
        return mode;
    }

    @Override
    public synchronized void setListener(LegListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ---- commands from the call (B2BUA) -------------------------------------------------------------------------

    @Override
    public void start(Optional<String> sdpOffer) {
        if (!commandIf(direction == Direction.INCOMING, "start", Set.of(LegState.NEW), LegState.CALLING)) {
            return;
        }
        synchronized (this) {
            sdpOffer.ifPresent(sdp -> remoteSdp = Optional.of(sdp));
        }
        session.send(new ServerMessage.IncomingCall(id, peer, MediaModes.toWire(mode), sdpOffer));
        // The offer is in the client's hands (or in its session's buffer): from the caller's side, it rings.
        if (commandIf(true, "alert", Set.of(LegState.CALLING), LegState.RINGING)) {
            notifyListener(l -> l.onRinging(this, Optional.empty()));
        }
    }

    @Override
    public void ringing(Optional<String> earlySdp) {
        if (commandIf(
                direction == Direction.OUTGOING,
                "ringing",
                Set.of(LegState.CALLING, LegState.RINGING),
                LegState.RINGING)) {
            session.send(new ServerMessage.Ringing(id, earlySdp));
        }
    }

    @Override
    public void answer(String sdp) {
        if (commandIf(
                direction == Direction.OUTGOING,
                "answer",
                Set.of(LegState.CALLING, LegState.RINGING),
                LegState.ANSWERED)) {
            synchronized (this) {
                remoteSdp = Optional.of(sdp);
            }
            session.send(new ServerMessage.Answered(id, sdp));
        }
    }

    @Override
    public void reject(EndReason reason) {
        if (commandIf(
                direction == Direction.OUTGOING,
                "reject",
                Set.of(LegState.CALLING, LegState.RINGING),
                LegState.ENDED)) {
            finish(reason, true);
        }
    }

    @Override
    public void hangUp(EndReason reason) {
        if (moveUnlessEnded()) {
            finish(reason, true);
        }
    }

    @Override
    public void updateMedia(String sdpOffer) {
        if (commandIf(true, "updateMedia", Set.of(LegState.ANSWERED), LegState.ANSWERED)) {
            synchronized (this) {
                remoteSdp = Optional.of(sdpOffer);
            }
            session.send(new ServerMessage.MediaOffer(id, sdpOffer));
        }
    }

    @Override
    public void answerMediaUpdate(String sdpAnswer) {
        if (commandIf(true, "answerMediaUpdate", Set.of(LegState.ANSWERED), LegState.ANSWERED)) {
            synchronized (this) {
                remoteSdp = Optional.of(sdpAnswer);
            }
            session.send(new ServerMessage.MediaAnswer(id, sdpAnswer));
        }
    }

    @Override
    public void sendDtmf(char digit, int durationMillis) {
        if (commandIf(true, "sendDtmf", Set.of(LegState.ANSWERED), LegState.ANSWERED)) {
            session.send(new ServerMessage.Dtmf(id, String.valueOf(digit), durationMillis));
        }
    }

    @Override
    public void remoteMuteChanged(boolean remoteAudioMuted, boolean remoteVideoMuted) {
        if (commandIf(true, "remoteMuteChanged", Set.of(LegState.ANSWERED), LegState.ANSWERED)) {
            session.send(new ServerMessage.PeerMute(id, remoteAudioMuted, remoteVideoMuted));
        }
    }

    @Override
    public void reportMediaQuality(LegMediaStatistics own, LegKind peerKind, LegMediaStatistics peer) {
        synchronized (this) {
            if (state != LegState.ANSWERED) {
                return;
            }
        }
        session.send(new ServerMessage.Quality(
                id,
                ServerMessage.Quality.BROKER,
                List.of(legQuality("self", LegKind.CLIENT, own), legQuality("peer", peerKind, peer))));
    }

    private static ServerMessage.LegQuality legQuality(String leg, LegKind kind, LegMediaStatistics s) {
        return new ServerMessage.LegQuality(
                leg,
                kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                s.packetsReceived(),
                s.bytesReceived(),
                s.packetsSent(),
                s.bytesSent(),
                s.packetsLost(),
                s.jitterMs() < 0 ? -1 : s.jitterMs(),
                s.rttMs() < 0 ? -1 : s.rttMs());
    }

    // ---- messages from the browser --------------------------------------------------------------------------------

    /** The browser accepted an incoming call. */
    public void clientAnswer(String sdp) {
        requireFromClient(
                direction == Direction.INCOMING,
                "answer",
                Set.of(LegState.CALLING, LegState.RINGING),
                LegState.ANSWERED);
        notifyListener(l -> l.onAnswered(this, sdp));
    }

    /** The browser refused an incoming call. */
    public void clientReject(EndReason reason) {
        requireFromClient(
                direction == Direction.INCOMING, "reject", Set.of(LegState.CALLING, LegState.RINGING), LegState.ENDED);
        finish(reason, true);
    }

    /** The browser hung up: before answer its own call is cancelled and an incoming one declined; after, normal. */
    public void clientHangup() {
        LegState before;
        synchronized (this) {
            before = state;
            if (!moveUnlessEnded()) {
                throw new ClientProtocolException(ClientErrorCode.NO_SUCH_CALL, "Call '" + id + "' has ended");
            }
        }
        EndReason reason;
        if (before == LegState.ANSWERED) {
            reason = EndReason.NORMAL;
        } else {
            reason = direction == Direction.OUTGOING ? EndReason.CANCELLED : EndReason.DECLINED;
        }
        finish(reason, true);
    }

    /** The browser renegotiates media; {@code hold} tells whether the offer puts the call on hold (null: unchanged). */
    public void clientMediaOffer(String sdpOffer, Boolean hold) {
        requireFromClient(true, "media-offer", Set.of(LegState.ANSWERED), LegState.ANSWERED);
        if (hold != null) {
            synchronized (this) {
                held = hold;
            }
        }
        notifyListener(l -> l.onMediaOffer(this, sdpOffer));
    }

    /** The browser answered the server's media offer. */
    public void clientMediaAnswer(String sdpAnswer) {
        requireFromClient(true, "media-answer", Set.of(LegState.ANSWERED), LegState.ANSWERED);
        notifyListener(l -> l.onMediaAnswer(this, sdpAnswer));
    }

    /** The browser muted or unmuted. */
    public void clientMute(boolean audio, boolean video) {
        requireFromClient(true, "mute", Set.of(LegState.CALLING, LegState.RINGING, LegState.ANSWERED), null);
        synchronized (this) {
            audioMuted = audio;
            videoMuted = video;
        }
        notifyListener(l -> l.onMuteChanged(this, audio, video));
    }

    /** The browser sent DTMF digits. */
    public void clientDtmf(String digits, int durationMillis) {
        requireFromClient(true, "dtmf", Set.of(LegState.ANSWERED), LegState.ANSWERED);
        for (char digit : digits.toCharArray()) {
            notifyListener(l -> l.onDtmf(this, digit, durationMillis));
        }
    }

    /** The session ends the call (detach timeout, end of session, shutdown). */
    void endFromSession(EndReason reason) {
        if (moveUnlessEnded()) {
            finish(reason, true);
        }
    }

    /** What a reattaching client needs to know about this call. */
    public synchronized ServerMessage.CallSnapshot snapshot() {
        return new ServerMessage.CallSnapshot(
                id,
                direction == Direction.OUTGOING ? "outgoing" : "incoming",
                switch (state) {
                    case NEW, CALLING -> "calling";
                    case RINGING -> "ringing";
                    case ANSWERED, ENDED -> "answered";
                },
                MediaModes.toWire(mode),
                peer,
                held,
                audioMuted,
                videoMuted,
                remoteSdp);
    }

    // ---- state ----------------------------------------------------------------------------------------------------

    /** A command from the call: applied if it fits, else ignored with a log line (never thrown, per the contract). */
    private synchronized boolean commandIf(boolean applies, String command, Set<LegState> from, LegState to) {
        if (!applies || !from.contains(state)) {
            log.info("Leg {} ({} {}): ignored {} in state {}", id, direction, session.id(), command, state);
            return false;
        }
        move(to);
        return true;
    }

    /** A message from the browser: applied if it fits, else {@code invalid-state} to the browser. */
    private synchronized void requireFromClient(boolean applies, String message, Set<LegState> from, LegState to) {
        if (!applies || !from.contains(state)) {
            throw new ClientProtocolException(
                    ClientErrorCode.INVALID_STATE,
                    "'" + message + "' does not fit call '" + id + "' in state "
                            + state.name().toLowerCase());
        }
        if (to != null) {
            move(to);
        }
    }

    private synchronized boolean moveUnlessEnded() {
        if (state == LegState.ENDED) {
            return false;
        }
        move(LegState.ENDED);
        return true;
    }

    /** The one place the leg's state changes. */
    private void move(LegState to) {
        if (state != to) {
            log.debug("Leg {}: {} -> {}", id, state, to);
        }
        state = to;
    }

    /** After the move to ENDED: tell the browser (unless it ended the call itself), the call, and the registry. */
    private void finish(EndReason reason, boolean tellClient) {
        if (tellClient) {
            session.send(new ServerMessage.Ended(id, reason.code(), reason.text()));
        }
        session.removeCall(this);
        onEnded.accept(this);
        notifyListener(l -> l.onEnded(this, reason));
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
}
