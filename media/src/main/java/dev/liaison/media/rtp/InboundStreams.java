package dev.liaison.media.rtp;

import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbound streams of one leg, one {@link ReceiveStatistics} per SSRC, at most {@link #MAX_STREAMS}; the oldest
 * is retired (its loss kept in the total) when a new SSRC appears beyond that. Thread-safe.
 */
final class InboundStreams {
    static final int MAX_STREAMS = 8;

    private final Map<Integer, ReceiveStatistics> streams = new LinkedHashMap<>();
    private long retiredLost;
    private ReceiveStatistics latest;

    synchronized void rtp(RtpPacket packet, long arrivalNanos, int clockRate) {
        ReceiveStatistics stats = streams.get(packet.ssrc());
        if (stats == null) {
            if (streams.size() == MAX_STREAMS) {
                Iterator<ReceiveStatistics> oldest = streams.values().iterator();
                retiredLost += Math.max(0, oldest.next().cumulativeLost());
                oldest.remove();
            }
            stats = new ReceiveStatistics(packet.ssrc(), clockRate, packet.sequence());
            streams.put(packet.ssrc(), stats);
        }
        stats.update(packet.sequence(), packet.timestamp(), arrivalNanos, clockRate);
        latest = stats;
    }

    synchronized void senderReport(int ssrc, long compactNtp, long arrivalNanos) {
        ReceiveStatistics stats = streams.get(ssrc);
        if (stats != null) {
            stats.senderReport(compactNtp, arrivalNanos);
        }
    }

    /** Report blocks for the streams past probation (at most 31), advancing their fraction-lost intervals. */
    synchronized List<ReportBlock> reportBlocks(long nowNanos) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (ReceiveStatistics stats : streams.values()) {
            if (!stats.onProbation() && blocks.size() < 31) {
                blocks.add(stats.reportBlock(nowNanos));
            }
        }
        return blocks;
    }

    synchronized long lost() {
        long lost = retiredLost;
        for (ReceiveStatistics stats : streams.values()) {
            lost += Math.max(0, stats.cumulativeLost());
        }
        return lost;
    }

    /** Jitter of the stream that sent the last packet, -1 before any. */
    synchronized double jitterMillis() {
        return latest == null ? -1 : latest.jitterMillis();
    }
}
