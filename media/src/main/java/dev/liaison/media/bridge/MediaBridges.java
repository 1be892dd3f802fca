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

    /**
     * Sends one DTMF digit into the RTP stream towards {@code side}, as RFC 4733 telephone events with the
     * telephone-event payload type that side negotiated: one timestamp for the event, the marker on its first packet,
     * an update every 50 ms, the end packet three times. Returns at once; the packets go out in real time, and digits
     * asked for while one plays follow it in order (50 ms apart).
     *
     * @param side the side that receives the digit
     * @param digit 0-9, *, #, A-D
     * @param durationMillis how long the key is held, 40 to 5000 ms
     * @throws MediaRefusedException {@code NO_TELEPHONE_EVENT} when that side negotiated no telephone-event (the caller
     *     sends the digit another way), {@code MEDIA_NOT_FLOWING} when it receives no audio now (no answer yet, on
     *     hold, leg not connected), {@code UNKNOWN_BRIDGE}, or {@code UNAVAILABLE} when too many digits wait
     * @throws IllegalArgumentException for another digit or a duration out of range
     */
    void dtmf(String bridgeId, BridgeSide side, char digit, int durationMillis);

    /**
     * The counters of the bridge's two legs now (packets, bytes, loss, jitter, round-trip time; -1 where unknown).
     *
     * @throws MediaRefusedException {@code UNKNOWN_BRIDGE}
     */
    BridgeStatistics statistics(String bridgeId);

    /** Releases the bridge's legs and ports. Idempotent; unknown ids are ignored. */
    void close(String bridgeId);

    /** Bridges currently open. */
    int openCount();
}
