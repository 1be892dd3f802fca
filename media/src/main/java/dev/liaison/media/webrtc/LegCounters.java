package dev.liaison.media.webrtc;

import dev.liaison.media.leg.LegStatistics;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One leg's counters. Inbound loss follows RFC 3550 A.3 on the first inbound SSRC (extended highest sequence number
 * minus the first one plus one, minus packets received); jitter and round-trip time need the codec clock and RTCP
 * reports and stay unknown (-1) here.
 */
final class LegCounters {
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private boolean streamKnown;
    private int streamSsrc;
    private long baseSequence;
    private long highestSequence;
    private long streamReceived;

    void received(byte[] rtp, int length) {
        packetsReceived.incrementAndGet();
        bytesReceived.addAndGet(RtpHeader.payloadLength(rtp, length));
        track(rtp, length);
    }

    void sent(byte[] rtp, int length) {
        packetsSent.incrementAndGet();
        bytesSent.addAndGet(RtpHeader.payloadLength(rtp, length));
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    synchronized LegStatistics snapshot() {
        long lost = streamKnown ? Math.max(0, highestSequence - baseSequence + 1 - streamReceived) : 0;
        return new LegStatistics(
                packetsReceived.get(),
                bytesReceived.get(),
                packetsSent.get(),
                bytesSent.get(),
                lost,
                -1,
                -1,
                dropped.get());
    }

    private synchronized void track(byte[] rtp, int length) {
        if (length < RtpHeader.FIXED_LENGTH) {
            return;
        }
        int ssrc = RtpHeader.ssrc(rtp);
        int sequence = RtpHeader.sequence(rtp);
        if (!streamKnown) {
            streamKnown = true;
            streamSsrc = ssrc;
            baseSequence = sequence;
            highestSequence = sequence;
        } else if (ssrc != streamSsrc) {
            return;
        }
        streamReceived++;
        // Extend the 16-bit number to the cycle closest to the highest seen (RFC 3550 A.1).
        long cycle = highestSequence & ~0xFFFFL;
        long extended = cycle | sequence;
        if (extended < highestSequence - 0x8000) {
            extended += 0x10000;
        } else if (extended > highestSequence + 0x8000) {
            extended -= 0x10000;
        }
        if (extended > highestSequence) {
            highestSequence = extended;
        }
    }
}
