package dev.liaison.media.webrtc;

import dev.liaison.media.leg.LegStatistics;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One leg's packet and byte counters; loss, jitter and round-trip time come from the leg's {@link
 * dev.liaison.media.rtp.RtcpReporter} and are joined in {@link #snapshot}.
 */
final class LegCounters {
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    void received(int payloadBytes) {
        packetsReceived.incrementAndGet();
        bytesReceived.addAndGet(payloadBytes);
    }

    void sent(int payloadBytes) {
        packetsSent.incrementAndGet();
        bytesSent.addAndGet(payloadBytes);
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    LegStatistics snapshot(long lost, double jitterMillis, double roundTripMillis) {
        return new LegStatistics(
                packetsReceived.get(),
                bytesReceived.get(),
                packetsSent.get(),
                bytesSent.get(),
                lost,
                jitterMillis,
                roundTripMillis,
                dropped.get());
    }
}
