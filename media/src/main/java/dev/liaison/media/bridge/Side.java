package dev.liaison.media.bridge;

import dev.liaison.media.leg.MediaLeg;
import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.leg.WebRtcLegControl;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** One side of a bridge: its leg (opened at the first SDP concerning it) and the broker's SDP identity toward it. */
final class Side {
    final BridgeSide side;
    final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    private final Map<Integer, Long> ssrcs = new HashMap<>();
    private final Map<Integer, String> mids = new HashMap<>();
    private volatile MediaLeg leg;
    private LegProfile profile;
    private long version;

    Side(BridgeSide side) {
        this.side = side;
    }

    MediaLeg leg() {
        return leg;
    }

    LegProfile profile() {
        return profile;
    }

    void attach(LegProfile profile, MediaLeg leg) {
        this.profile = profile;
        this.leg = leg;
    }

    WebRtcLegControl webRtc() {
        return (WebRtcLegControl) leg;
    }

    RtpLegControl rtp() {
        return (RtpLegControl) leg;
    }

    /** The {@code o=} version of the next SDP the broker sends this side. */
    long nextVersion() {
        return ++version;
    }

    /** The {@code a=mid} of media section {@code line} toward this side: the first one used stays for the call. */
    synchronized String mid(int line, String proposed) {
        return mids.computeIfAbsent(line, i -> proposed);
    }

    /** The broker's SSRC for what it sends this side on media section {@code line}; random and kept for the call. */
    synchronized long ssrc(int line) {
        return ssrcs.computeIfAbsent(line, i -> {
            long ssrc;
            do {
                ssrc = ThreadLocalRandom.current().nextLong(1, 0x100000000L);
            } while (ssrcs.containsValue(ssrc));
            return ssrc;
        });
    }
}
