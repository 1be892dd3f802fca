package dev.liaison.media.camel;

import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.BridgeStatistics;
import dev.liaison.media.bridge.LegProfile;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.bridge.MediaRefusedException;
import dev.liaison.media.leg.LegStatistics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bridges that record what they were asked and answer with SDP naming the call; an SDP containing
 * {@code refuse:<REASON>} is refused with that reason.
 */
public final class FakeMediaBridges implements MediaBridges {

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, String> open = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public String open(String callId) {
        calls.add("open " + callId);
        String id = "bridge-" + ids.incrementAndGet();
        open.put(id, callId);
        return id;
    }

    @Override
    public String offer(String bridgeId, BridgeSide side, LegProfile from, LegProfile to, String sdpOffer) {
        known(bridgeId);
        refuseIfAsked(sdpOffer);
        calls.add("offer " + bridgeId + " " + side + " " + from + "->" + to);
        return "v=0 broker offer to " + to + " for " + sdpOffer;
    }

    @Override
    public String answer(String bridgeId, BridgeSide side, LegProfile from, String sdpAnswer) {
        known(bridgeId);
        refuseIfAsked(sdpAnswer);
        calls.add("answer " + bridgeId + " " + side + " " + from);
        return "v=0 broker answer for " + sdpAnswer;
    }

    /** Records the digit; digit '0' held 4040 ms is refused NO_TELEPHONE_EVENT (a way for tests to see a refusal). */
    @Override
    public void dtmf(String bridgeId, BridgeSide side, char digit, int durationMillis) {
        known(bridgeId);
        if (digit == '0' && durationMillis == 4040) {
            throw new MediaRefusedException(MediaRefusedException.Reason.NO_TELEPHONE_EVENT, "refused as asked");
        }
        calls.add("dtmf " + bridgeId + " " + side + " " + digit + " " + durationMillis);
    }

    /** Counters that name the bridge: side A received 10 packets, side B 20. */
    @Override
    public BridgeStatistics statistics(String bridgeId) {
        known(bridgeId);
        calls.add("statistics " + bridgeId);
        return new BridgeStatistics(
                bridgeId,
                open.get(bridgeId),
                new LegStatistics(10, 1600, 11, 1760, 1, 2.5, 30, 0),
                new LegStatistics(20, 3200, 21, 3360, -1, -1, -1, 0));
    }

    @Override
    public void close(String bridgeId) {
        calls.add("close " + bridgeId);
        open.remove(bridgeId);
    }

    @Override
    public int openCount() {
        return open.size();
    }

    private void known(String bridgeId) {
        if (!open.containsKey(bridgeId)) {
            throw new MediaRefusedException(MediaRefusedException.Reason.UNKNOWN_BRIDGE, "no bridge " + bridgeId);
        }
    }

    private static void refuseIfAsked(String sdp) {
        int at = sdp.indexOf("refuse:");
        if (at >= 0) {
            String reason = sdp.substring(at + "refuse:".length()).trim();
            throw new MediaRefusedException(MediaRefusedException.Reason.valueOf(reason), "refused as asked");
        }
    }
}
