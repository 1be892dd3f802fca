package dev.liaison.gateway.call;

import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaException;
import dev.liaison.gateway.media.MediaPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A media broker test double: it rewrites SDP in a way the test can recognise ({@code broker(A->B):<sdp>}) and
 * refuses SDP containing {@code refuse}.
 */
public final class FakeMediaPort implements MediaPort {

    final List<FakeBridge> bridges = new CopyOnWriteArrayList<>();

    @Override
    public MediaBridge openBridge(String callId) {
        FakeBridge bridge = new FakeBridge();
        bridges.add(bridge);
        return bridge;
    }

    public boolean allClosed() {
        return bridges.stream().allMatch(b -> b.closed);
    }

    static final class FakeBridge implements MediaBridge {
        volatile boolean closed;

        @Override
        public String offer(BridgeSide side, LegKind from, LegKind to, String sdpOffer) {
            return rewrite(side, sdpOffer);
        }

        @Override
        public String answer(BridgeSide side, LegKind from, String sdpAnswer) {
            return rewrite(side, sdpAnswer);
        }

        private static String rewrite(BridgeSide side, String sdp) {
            if (sdp.contains("refuse")) {
                throw new MediaException("no common codec");
            }
            return "broker(" + side + "->" + side.other() + "):" + sdp;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
