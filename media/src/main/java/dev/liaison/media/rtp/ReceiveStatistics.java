package dev.liaison.media.rtp;

import dev.liaison.media.rtp.RtcpPacket.ReportBlock;

/**
 * Receive statistics of one inbound RTP stream (one SSRC), as RFC 3550 appendix A describes them: sequence validation
 * with probation and 16-bit wrap (A.1), expected and lost packets and the fraction lost between reports (A.3), and
 * the interarrival jitter estimate (A.8). Arrival times are nanoseconds on any clock; the jitter is kept in RTP
 * timestamp units of the stream's clock rate. Not thread-safe: the leg's reader updates it under the leg's lock.
 */
public final class ReceiveStatistics {
    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    static final int MIN_SEQUENTIAL = 2;
    private static final int SEQ_MOD = 1 << 16;

    private final int ssrc;
    private int clockRate;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private boolean haveTransit;
    private long lastArrivalNanos;
    private long lastTimestamp;
    private double jitter;
    private long lastSrCompact;
    private long lastSrArrivalNanos;

    public ReceiveStatistics(int ssrc, int clockRate, int firstSequence) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive");
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        initSequence(firstSequence);
        maxSeq = (firstSequence - 1) & 0xFFFF;
        probation = MIN_SEQUENTIAL;
    }

    public int ssrc() {
        return ssrc;
    }

    /**
     * One packet arrived. Returns true when it counts (the source is valid and the sequence plausible); false while
     * the source is on probation and for a sequence jump that is not yet confirmed by a second packet.
     */
    public boolean update(int sequence, long rtpTimestamp, long arrivalNanos, int packetClockRate) {
        int seq = sequence & 0xFFFF;
        if (!updateSequence(seq)) {
            return false;
        }
        if (packetClockRate != clockRate) {
            clockRate = packetClockRate;
            haveTransit = false; // a new clock: the transit times are not comparable
            jitter = 0; // and the estimate so far is in the old clock's units
        }
        long ts = rtpTimestamp & 0xFFFF_FFFFL;
        if (haveTransit) {
            // D(i-1,i) = (Rj - Ri) - (Sj - Si); the timestamp difference is taken modulo 2^32, so wraps are harmless.
            // The arrival difference is taken in nanoseconds first: absolute times in units would lose precision.
            double arrivalUnits = (arrivalNanos - lastArrivalNanos) / 1e9 * clockRate;
            double d = arrivalUnits - (int) (ts - lastTimestamp);
            jitter += (Math.abs(d) - jitter) / 16.0;
        }
        haveTransit = true;
        lastArrivalNanos = arrivalNanos;
        lastTimestamp = ts;
        return true;
    }

    private boolean updateSequence(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    initSequence(seq);
                    received++;
                    return true;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return false;
        } else if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                // two sequential packets after a big jump: the source restarted its sequence
                initSequence(seq);
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
        }
        // else: a duplicate or a reordered packet, counted as the RFC does
        received++;
        return true;
    }

    private void initSequence(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    public boolean onProbation() {
        return probation > 0;
    }

    /** Packets counted (duplicates included, as in A.3). */
    public long received() {
        return received;
    }

    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    public long expected() {
        return probation > 0 ? 0 : extendedHighestSequence() - baseSeq + 1;
    }

    /** Expected minus received; duplicates can make it negative. */
    public long cumulativeLost() {
        return expected() - received;
    }

    /** Interarrival jitter in RTP timestamp units. */
    public double jitter() {
        return jitter;
    }

    public double jitterMillis() {
        return jitter * 1000.0 / clockRate;
    }

    /** A sender report from this source arrived: remembered for the LSR and DLSR of our next report block. */
    public void senderReport(long compactNtp, long arrivalNanos) {
        lastSrCompact = compactNtp;
        lastSrArrivalNanos = arrivalNanos;
    }

    /**
     * The report block for our next SR or RR; the fraction lost covers the time since the previous call (A.3), so
     * call it once per report.
     */
    public ReportBlock reportBlock(long nowNanos) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received - receivedPrior;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long dlsr = lastSrCompact == 0 ? 0 : NtpTime.toCompactUnits(nowNanos - lastSrArrivalNanos);
        return new ReportBlock(
                ssrc,
                Math.min(255, fraction),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, cumulativeLost())),
                extendedHighestSequence() & 0xFFFF_FFFFL,
                ((long) jitter) & 0xFFFF_FFFFL,
                lastSrCompact,
                dlsr & 0xFFFF_FFFFL);
    }
}
