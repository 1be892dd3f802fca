package dev.liaison.gateway.call;

import java.util.Optional;

/**
 * Events a {@link CallLeg} reports to the call that owns it. Called on the leg's own threads; implementations return
 * quickly and never block on the network.
 */
public interface LegListener {

    /** The far end rings (180), optionally with early-media SDP (183). */
    void onRinging(CallLeg leg, Optional<String> earlySdp);

    /** The far end answered with this SDP (an answer to our offer, or its offer if we sent none). */
    void onAnswered(CallLeg leg, String sdp);

    /** The leg ended (hang-up, rejection, cancellation, timeout or transport loss). Called once. */
    void onEnded(CallLeg leg, EndReason reason);

    /** The far end renegotiates media (re-INVITE, UPDATE, client "media" message): answer with {@link CallLeg#answerMediaUpdate}. */
    void onMediaOffer(CallLeg leg, String sdpOffer);

    /** The far end answered our {@link CallLeg#updateMedia} offer. */
    void onMediaAnswer(CallLeg leg, String sdpAnswer);

    /**
     * The far end refused our {@link CallLeg#updateMedia} offer (a final error response to the re-INVITE or UPDATE, or
     * no response): the media stay as they were, and the call refuses the offer it was relaying.
     */
    default void onMediaUpdateFailed(CallLeg leg, int sipStatus) {}

    /** The far end sent a DTMF digit out of band. */
    default void onDtmf(CallLeg leg, char digit, int durationMillis) {}

    /**
     * The far end asks to transfer the call (SIP REFER, client "transfer"). {@code target} is the destination (a SIP URI
     * or a Liaison destination name); {@code replaces} names the call to replace in an attended transfer.
     */
    default void onTransferRequested(CallLeg leg, String target, Optional<String> replaces) {}

    /**
     * The far end asks for an attended transfer whose {@code Replaces} names a dialog of this node: the leg
     * {@code replaced}, which belongs to another call (or to this one). The call joins its remaining side with the
     * other side of {@code replaced}'s call. {@code target} is the Refer-To URI, {@code replaces} the header value.
     * The leg reports the outcome like a transfer's ({@link CallLeg#reportTransferOutcome}); by default the join is
     * refused with 501.
     */
    default void onJoinRequested(CallLeg leg, String target, String replaces, CallLeg replaced) {
        leg.reportTransferOutcome(501, "Joining two calls is not supported");
    }

    /**
     * The far end muted or unmuted its microphone or camera (client "mute"); the call may relay it to the other leg with
     * {@link CallLeg#remoteMuteChanged}. Media keeps flowing as negotiated: this is a state report, not a renegotiation.
     */
    default void onMuteChanged(CallLeg leg, boolean audioMuted, boolean videoMuted) {}
}
