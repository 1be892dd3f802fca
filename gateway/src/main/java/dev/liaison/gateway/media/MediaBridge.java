package dev.liaison.gateway.media;

import dev.liaison.gateway.call.LegKind;

/**
 * The media broker's bridge for one call. It terminates each leg's media and rewrites SDP so that each side sees the
 * broker, never the other side: an offer from one side becomes the broker's offer to the other, and the other side's
 * answer becomes the broker's answer to the first.
 */
public interface MediaBridge extends AutoCloseable {

    /**
     * An SDP offer arrived from the leg of kind {@code from} ({@code side} names which of the call's two legs): returns
     * the broker's offer to send to the other leg, of kind {@code to} (a WebRTC offer towards {@code CLIENT} and
     * {@code SIP_WS} legs, plain RTP or SDES-SRTP towards {@code SIP} legs).
     *
     * @throws MediaException when the offer cannot be used (no common codec, malformed SDP)
     */
    String offer(BridgeSide side, LegKind from, LegKind to, String sdpOffer);

    /**
     * The answer to the last {@link #offer} arrived from the other leg: returns the broker's answer to send back to the
     * offering leg.
     */
    String answer(BridgeSide side, LegKind from, String sdpAnswer);

    /** Release the broker's ports and state for this call. Idempotent. */
    @Override
    void close();
}
