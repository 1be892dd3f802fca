package dev.liaison.gateway.call;

import java.util.Optional;

/**
 * One side of a call as the back-to-back user agent sees it. A {@code Call} joins two legs and relays their events
 * through the media broker; a leg never talks to the other leg directly.
 *
 * <p>Implementations: the client leg ({@code client/}, a browser or app on {@code /ws/client}) and the SIP leg
 * ({@code sip/}, a dialog on the trunk). Commands are asynchronous: they return at once and their outcome arrives as a
 * {@link LegListener} event. A command that does not fit the leg's state is ignored with a log line, never thrown, so a
 * race between two sides cannot break a call. Implementations are thread-safe.
 *
 * <p>Offer-less calls (RFC 3261 13.2.1, "late offer"): an outbound leg started without an offer reports the far end's
 * offer through {@link LegListener#onAnswered}; the call answers it with {@link #answerMediaUpdate} (for SIP, the SDP
 * goes into the ACK). An inbound leg whose caller sent no offer is answered with an offer in {@link #answer}; the
 * caller's answer (for SIP, from the ACK) arrives through {@link LegListener#onMediaAnswer}.
 *
 * <p>This interface is the contract between {@code call/}, {@code client/} and {@code sip/}: change it only by
 * adding default methods.
 */
public interface CallLeg {

    /** Unique id of this leg within the node (also used in logs and metrics). */
    String id();

    LegKind kind();

    LegState state();

    /**
     * The address of the far end as the leg knows it: a SIP URI for SIP legs, the client's session id for client legs.
     */
    String remoteIdentity();

    /**
     * Outbound legs: start the call. {@code sdpOffer} empty means an offer-less call (SIP INVITE without SDP, the far
     * end makes the offer in its answer). Outcome: {@link LegListener#onRinging}, {@link LegListener#onAnswered} or
     * {@link LegListener#onEnded}.
     */
    void start(Optional<String> sdpOffer);

    /** Inbound legs: tell the caller that the other side rings (SIP 180, or 183 with early media SDP). */
    void ringing(Optional<String> earlySdp);

    /** Inbound legs: accept the call with the given SDP (an answer, or an offer if the caller sent none). */
    void answer(String sdp);

    /** Inbound legs before answer: refuse the call (SIP final error response with the reason's status). */
    void reject(EndReason reason);

    /** End the call on this leg in whatever state it is (CANCEL before answer, BYE after). Idempotent. */
    void hangUp(EndReason reason);

    /**
     * Answered legs: renegotiate media (hold, resume, new address or codecs): a SIP re-INVITE, or a client "media"
     * message. Outcome: {@link LegListener#onMediaAnswer}.
     */
    void updateMedia(String sdpOffer);

    /** Answered legs: send the SDP answer to a media update that this leg reported through {@link LegListener#onMediaOffer}. */
    void answerMediaUpdate(String sdpAnswer);

    /** Send a DTMF digit (0-9, *, #, A-D) out of band where the leg supports it (SIP INFO or client message). */
    default void sendDtmf(char digit, int durationMillis) {}

    /**
     * The media broker's counters of this call, every report interval while it is answered ({@link QualityReporter}):
     * {@code own} is the broker's leg towards this leg's far end (what the broker received from it and sent to it),
     * {@code peer} the leg towards the other side, of kind {@code peerKind}. A client leg tells its browser (a
     * {@code quality} message, {@code source: "broker"}); legs that cannot carry it ignore it.
     */
    default void reportMediaQuality(
            dev.liaison.gateway.media.LegMediaStatistics own,
            LegKind peerKind,
            dev.liaison.gateway.media.LegMediaStatistics peer) {}

    /** The listener that receives this leg's events; set once by the {@code Call} that owns the leg. */
    void setListener(LegListener listener);

    /**
     * Tell this leg's far end that the other side muted or unmuted (relayed from {@link LegListener#onMuteChanged}).
     * Legs that cannot carry it ignore it.
     */
    default void remoteMuteChanged(boolean audioMuted, boolean videoMuted) {}

    /**
     * Report the outcome of a transfer this leg asked for through {@link LegListener#onTransferRequested}:
     * {@code sipStatus} is the final status of the call to the transfer target (200 when it was answered, 486 busy,
     * ...). For SIP this is the final NOTIFY of the REFER (a {@code message/sipfrag} {@code SIP/2.0 <status> <reason>},
     * RFC 3515). Legs without such a report ignore it; a second report is ignored.
     */
    default void reportTransferOutcome(int sipStatus, String reasonPhrase) {}

    /**
     * Refuse at once a media offer this leg reported through {@link LegListener#onMediaOffer} that the call cannot
     * relay (an offer before the answer). For SIP the re-INVITE or UPDATE gets {@code sipStatus} (500 with
     * {@code Retry-After}, RFC 3311 5.2) instead of waiting 64*T1. Legs without pending offers ignore it.
     */
    default void refuseMediaUpdate(int sipStatus, String reasonPhrase) {}

    /**
     * Before the answer: whether {@link #updateMedia} would send a new offer now (RFC 3311 early dialog). For SIP, an
     * early dialog whose first offer was answered in a reliable provisional response (RFC 3262) that was PRACKed, with
     * a far end that allows UPDATE and no offer in progress. Legs without early renegotiation say no (the default),
     * and the call refuses the early offer at once instead.
     */
    default boolean canTakeEarlyOffer() {
        return false;
    }

    /**
     * Answered legs: ask the far end for a fresh offer (for SIP a re-INVITE without SDP, RFC 3725 flow I), used when
     * the leg joins another call and its media must be bridged afresh. Outcome: {@link LegListener#onMediaOffer}
     * (answered with {@link #answerMediaUpdate}) or {@link LegListener#onMediaUpdateFailed}. Only when
     * {@link #canJoinAnotherCall} says so.
     */
    default void requestMediaOffer() {
        throw new UnsupportedOperationException(kind() + " legs cannot be asked for an offer");
    }

    /**
     * Whether this leg can be handed to another call ({@link #moveTo}) and asked for a fresh offer
     * ({@link #requestMediaOffer}): what joining two calls needs (an attended transfer between two calls of this
     * node). No by default: a client leg's protocol has no offer request.
     */
    default boolean canJoinAnotherCall() {
        return false;
    }

    /**
     * Hands the leg from the listener {@code from} to {@code to}, atomically with its events: returns the leg's state
     * when it was moved (events after that go to {@code to}), {@link LegState#ENDED} when it was not ({@code from} is
     * not its listener). Only when {@link #canJoinAnotherCall} says so.
     */
    default LegState moveTo(LegListener from, LegListener to) {
        return LegState.ENDED;
    }
}
