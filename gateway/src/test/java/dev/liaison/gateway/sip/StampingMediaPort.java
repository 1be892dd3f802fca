package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A media broker test double that signs every SDP it hands on with its bridge: the session name becomes
 * {@code s=bridge-<n>} (n counting the bridges opened, from 1), the rest stays as the offering or answering side sent
 * it. So a test can tell which call's bridge an SDP went through, and that it went through one at all. It records its
 * bridges so that tests can check they were all closed.
 */
final class StampingMediaPort implements MediaPort {

    private final List<Bridge> bridges = new CopyOnWriteArrayList<>();

    @Override
    public synchronized MediaBridge openBridge(String callId) {
        Bridge bridge = new Bridge("bridge-" + (bridges.size() + 1));
        bridges.add(bridge);
        return bridge;
    }

    int opened() {
        return bridges.size();
    }

    boolean allClosed() {
        return bridges.stream().allMatch(b -> b.closed);
    }

    private static final class Bridge implements MediaBridge {
        private final String name;
        private volatile boolean closed;

        Bridge(String name) {
            this.name = name;
        }

        @Override
        public String offer(BridgeSide side, LegKind from, LegKind to, String sdpOffer) {
            return stamp(sdpOffer);
        }

        @Override
        public String answer(BridgeSide side, LegKind from, String sdpAnswer) {
            return stamp(sdpAnswer);
        }

        private String stamp(String sdp) {
            return sdp.replaceAll("(?m)^s=.*$", "s=" + name);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
