package dev.liaison.media.config;

import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.BridgeStatistics;
import dev.liaison.media.bridge.LegProfile;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.bridge.MediaRefusedException;

/** Bridges that can never be opened: every {@code open} is refused with {@code UNAVAILABLE} and the reason given. */
final class UnavailableBridges implements MediaBridges {

    private final String why;

    UnavailableBridges(String why) {
        this.why = why;
    }

    @Override
    public String open(String callId) {
        throw new MediaRefusedException(MediaRefusedException.Reason.UNAVAILABLE, why);
    }

    @Override
    public String offer(String bridgeId, BridgeSide side, LegProfile from, LegProfile to, String sdpOffer) {
        throw unknown(bridgeId);
    }

    @Override
    public String answer(String bridgeId, BridgeSide side, LegProfile from, String sdpAnswer) {
        throw unknown(bridgeId);
    }

    @Override
    public void dtmf(String bridgeId, BridgeSide side, char digit, int durationMillis) {
        throw unknown(bridgeId);
    }

    @Override
    public BridgeStatistics statistics(String bridgeId) {
        throw unknown(bridgeId);
    }

    @Override
    public void close(String bridgeId) {
        // Nothing was ever opened.
    }

    @Override
    public int openCount() {
        return 0;
    }

    private static MediaRefusedException unknown(String bridgeId) {
        return new MediaRefusedException(MediaRefusedException.Reason.UNKNOWN_BRIDGE, "no bridge " + bridgeId);
    }
}
