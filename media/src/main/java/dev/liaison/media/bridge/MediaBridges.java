package dev.liaison.media.bridge;

/**
 * The broker's bridges, as the {@code media:} component sees them. A bridge relays one call's media between side A
 * (the caller) and side B (the callee); each SDP it is given is answered with the broker's own, so each side sees only
 * the broker. Thread-safe.
 */
public interface MediaBridges {

    /**
     * Opens a bridge for {@code callId}; returns its id.
     *
     * @throws MediaRefusedException with reason {@code UNAVAILABLE} when no more bridges can be opened
     */
    String open(String callId);

    /**
     * An SDP offer from {@code side}, a leg of profile {@code from}: returns the broker's offer for the other side, a
     * leg of profile {@code to}. A re-offer on a bridge that already carries media updates it (hold, resume, codec
     * change) without new ports.
     *
     * @throws MediaRefusedException when the offer cannot be used (malformed, no common or transcodable codec)
     */
    String offer(String bridgeId, BridgeSide side, LegProfile from, LegProfile to, String sdpOffer);

    /**
     * The answer from the side that received the broker's last offer ({@code side} is the answering side): returns
     * the broker's answer for the side that offered.
     *
     * @throws MediaRefusedException when the answer cannot be used
     */
    String answer(String bridgeId, BridgeSide side, LegProfile from, String sdpAnswer);

    /** Releases the bridge's legs and ports. Idempotent; unknown ids are ignored. */
    void close(String bridgeId);

    /** Bridges currently open. */
    int openCount();
}
