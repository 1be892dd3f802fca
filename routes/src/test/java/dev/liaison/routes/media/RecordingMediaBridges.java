package dev.liaison.routes.media;

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
 * Broker bridges for application tests: record every operation, rewrite each SDP recognisably ({@code
 * broker(A:WEBRTC->RTP):<sdp>}), and refuse an SDP containing {@code refuse:<REASON>} with that reason.
 */
final class RecordingMediaBridges implements MediaBridges {

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, String> callOf = new ConcurrentHashMap<>();
    final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public String open(String callId) {
        String bridgeId = "bridge-" + ids.incrementAndGet();
        callOf.put(bridgeId, callId);
        operations.add("open " + callId);
        return bridgeId;
    }

    @Override
    public String offer(String bridgeId, BridgeSide side, LegProfile from, LegProfile to, String sdpOffer) {
        check(bridgeId, sdpOffer);
        operations.add("offer " + side + " " + from + "->" + to);
        return "broker(" + side + ":" + from + "->" + to + "):" + sdpOffer;
    }

    @Override
    public String answer(String bridgeId, BridgeSide side, LegProfile from, String sdpAnswer) {
        check(bridgeId, sdpAnswer);
        operations.add("answer " + side + " " + from);
        return "broker(" + side + ":" + from + "):" + sdpAnswer;
    }

    /** Records the digit; '0' is refused NO_TELEPHONE_EVENT, as a phone without telephone-event would be. */
    @Override
    public void dtmf(String bridgeId, BridgeSide side, char digit, int durationMillis) {
        check(bridgeId, "");
        if (digit == '0') {
            throw new MediaRefusedException(MediaRefusedException.Reason.NO_TELEPHONE_EVENT, "no telephone-event");
        }
        operations.add("dtmf " + side + " " + digit + " " + durationMillis);
    }

    /** Side A received 50 packets and lost 1, side B received 40; B knows no loss, jitter or RTT. */
    @Override
    public BridgeStatistics statistics(String bridgeId) {
        check(bridgeId, "");
        operations.add("statistics");
        return new BridgeStatistics(
                bridgeId,
                callOf.get(bridgeId),
                new LegStatistics(50, 8000, 40, 6400, 1, 3.25, 42, 0),
                new LegStatistics(40, 6400, 50, 8000, -1, -1, -1, 0));
    }

    @Override
    public void close(String bridgeId) {
        callOf.remove(bridgeId);
        operations.add("close " + bridgeId);
    }

    @Override
    public int openCount() {
        return callOf.size();
    }

    /** The bridge opened for {@code callId}. */
    String bridgeOf(String callId) {
        return callOf.entrySet().stream()
                .filter(e -> e.getValue().equals(callId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private void check(String bridgeId, String sdp) {
        if (!callOf.containsKey(bridgeId)) {
            throw new MediaRefusedException(MediaRefusedException.Reason.UNKNOWN_BRIDGE, "no bridge " + bridgeId);
        }
        int at = sdp.indexOf("refuse:");
        if (at >= 0) {
            throw new MediaRefusedException(
                    MediaRefusedException.Reason.valueOf(sdp.substring(at + 7).trim()), "refused as asked");
        }
    }
}
