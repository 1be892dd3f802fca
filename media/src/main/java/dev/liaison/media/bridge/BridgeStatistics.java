package dev.liaison.media.bridge;

import dev.liaison.media.leg.LegStatistics;

/**
 * The counters of a bridge's two legs, as each leg measured its peer: what the broker received from side A and sent
 * to it, and the same for side B. Loss, jitter and round-trip time are -1 where the leg does not know them (yet).
 *
 * @param bridgeId the bridge
 * @param callId the call it carries
 * @param a side A's leg ({@link #NO_LEG} when not opened yet)
 * @param b side B's leg
 */
public record BridgeStatistics(String bridgeId, String callId, LegStatistics a, LegStatistics b) {

    /** A side whose leg is not open: nothing counted, nothing known. */
    public static final LegStatistics NO_LEG = new LegStatistics(0, 0, 0, 0, -1, -1, -1, 0);

    public LegStatistics side(BridgeSide side) {
        return side == BridgeSide.A ? a : b;
    }
}
