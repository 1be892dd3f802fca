package dev.liaison.media.bridge;

import dev.liaison.media.leg.LegEndReason;

/**
 * Hears that a bridge ended on its own (a leg ended, or inactivity): the bridge's legs are already closed and the
 * bridge is no longer open; the owner hangs the call up. Called on a leg's receiving thread or on the thread running
 * {@link Bridges#sweepInactive()}; must not block. Not called for {@link MediaBridges#close}.
 */
@FunctionalInterface
public interface BridgeEndListener {

    void ended(String bridgeId, String callId, LegEndReason reason);
}
