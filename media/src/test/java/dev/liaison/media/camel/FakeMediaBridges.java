package dev.liaison.media.camel;

import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.LegProfile;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.bridge.MediaRefusedException;
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
