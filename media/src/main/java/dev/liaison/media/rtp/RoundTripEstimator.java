package dev.liaison.media.rtp;

import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * Round-trip time from the peer's report blocks (RFC 3550 6.4.1): the block's LSR must be one of the sender reports
 * we sent recently; RTT = arrival - LSR - DLSR, in 1/65536 s. Thread-safe.
 */
public final class RoundTripEstimator {
    /** Sender reports remembered to match LSR against. */
    static final int HISTORY = 16;

    private final Deque<Long> sent = new ArrayDeque<>();
    private double lastMillis = -1;

    /** We sent a sender report with this NTP time. */
    public synchronized void sent(long ntpTimestamp) {
        if (sent.size() == HISTORY) {
            sent.removeFirst();
        }
        sent.addLast(NtpTime.compact(ntpTimestamp));
    }

    /**
     * A report block about our stream arrived at {@code arrivalNtp}; returns the RTT in milliseconds when its LSR is
     * one of ours and the result is plausible.
     */
    public synchronized OptionalDouble received(ReportBlock block, long arrivalNtp) {
        long lsr = block.lastSenderReport();
        if (lsr == 0 || !sent.contains(lsr)) {
            return OptionalDouble.empty();
        }
        long rtt = (NtpTime.compact(arrivalNtp) - lsr - block.delaySinceLastSenderReport()) & 0xFFFF_FFFFL;
        if (rtt > 0x7FFF_FFFFL) {
            return OptionalDouble.empty(); // negative: clocks or DLSR disagree
        }
        lastMillis = NtpTime.compactUnitsToMillis(rtt);
        return OptionalDouble.of(lastMillis);
    }

    /** The last RTT measured, -1 before the first. */
    public synchronized double lastMillis() {
        return lastMillis;
    }
}
