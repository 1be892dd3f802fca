package dev.liaison.gateway.call;

import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A media broker test double that hands every SDP on unchanged, for signaling tests against real peers (SIPp) that
 * want well-formed SDP; it records the bridges it opened so that tests can check they were all closed.
 */
public final class PassThroughMediaPort implements MediaPort {

    private final List<Bridge> bridges = new CopyOnWriteArrayList<>();

    @Override
    public MediaBridge openBridge(String callId) {
        Bridge bridge = new Bridge();
        bridges.add(bridge);
        return bridge;
    }

    public int opened() {
        return bridges.size();
    }

    public boolean allClosed() {
        return bridges.stream().allMatch(b -> b.closed);
    }

    private static final class Bridge implements MediaBridge {
        private volatile boolean closed;

        @Override
        public String offer(BridgeSide side, LegKind from, LegKind to, String sdpOffer) {
            return sdpOffer;
        }

        @Override
        public String answer(BridgeSide side, LegKind from, String sdpAnswer) {
            return sdpAnswer;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
