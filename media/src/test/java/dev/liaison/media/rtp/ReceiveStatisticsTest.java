package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 3550 A.1, A.3 and A.8 on synthetic streams: 20 ms G.711 packets, 160 timestamp units each at 8 kHz. */
class ReceiveStatisticsTest {
    private static final long MS = 1_000_000L;
    private static final int RATE = 8000;

    @Test
    void aCleanStreamLeavesProbationAfterTwoPacketsAndLosesNothing() {
        ReceiveStatistics stats = new ReceiveStatistics(1, RATE, 100);

        assertThat(feed(stats, 100)).isFalse();
        assertThat(stats.onProbation()).isTrue();
        for (int seq = 101; seq < 200; seq++) {
            assertThat(feed(stats, seq)).isTrue();
        }

        assertThat(stats.received()).isEqualTo(99);
        assertThat(stats.expected()).isEqualTo(99);
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.jitter()).isZero();
        assertThat(stats.reportBlock(0).fractionLost()).isZero();
    }

    @Test
    void lossIsCountedAndTheFractionCoversOnlyTheLastInterval() {
        ReceiveStatistics stats = new ReceiveStatistics(1, RATE, 0);
        for (int seq = 0; seq <= 100; seq++) {
            if (seq % 10 != 5) { // every tenth packet lost: 10 of 100 after probation
                feed(stats, seq);
            }
        }
        ReportBlock first = stats.reportBlock(0);
        assertThat(stats.expected()).isEqualTo(100);
        assertThat(first.cumulativeLost()).isEqualTo(10);
        assertThat(first.fractionLost()).isEqualTo(10 * 256 / 100);
        assertThat(first.extendedHighestSequence()).isEqualTo(100);

        for (int seq = 101; seq <= 150; seq++) {
            feed(stats, seq);
        }
        ReportBlock second = stats.reportBlock(0);
        assertThat(second.cumulativeLost()).isEqualTo(10);
        assertThat(second.fractionLost()).isZero();
    }

    @Test
    void reorderingAndDuplicatesAreCountedAsTheRfcDoes() {
        ReceiveStatistics stats = new ReceiveStatistics(1, RATE, 0);
        int[] order = {0, 1, 2, 4, 3, 5, 5, 6, 8, 9}; // 3/4 swapped, 5 twice, 7 lost
        for (int seq : order) {
            feed(stats, seq);
        }

        assertThat(stats.extendedHighestSequence()).isEqualTo(9);
        assertThat(stats.expected()).isEqualTo(9); // base is 1, the packet that ended probation
        assertThat(stats.received()).isEqualTo(9); // duplicate counted: it hides the lost packet
        assertThat(stats.cumulativeLost()).isZero();
    }

    @Test
    void theSequenceWrapsIntoTheNextCycle() {
        ReceiveStatistics stats = new ReceiveStatistics(1, RATE, 65530);
        for (int i = 0; i < 20; i++) {
            feed(stats, (65530 + i) & 0xFFFF);
        }

        assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + 13);
        assertThat(stats.reportBlock(0).extendedHighestSequence()).isEqualTo(0x1_000DL);
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.received()).isEqualTo(19);
    }

    @Test
    void aLargeJumpIsIgnoredOnceAndAcceptedAsARestartWhenConfirmed() {
        ReceiveStatistics stats = new ReceiveStatistics(1, RATE, 0);
        for (int seq = 0; seq < 10; seq++) {
            feed(stats, seq);
        }

        assertThat(feed(stats, 40_000)).isFalse();
        assertThat(stats.extendedHighestSequence()).isEqualTo(9);
        assertThat(feed(stats, 40_001)).isTrue();
        assertThat(stats.extendedHighestSequence()).isEqualTo(40_001);
        assertThat(stats.received()).isEqualTo(1);
        assertThat(stats.cumulativeLost()).isZero();
    }

    @Test
    void jitterOfAKnownPatternFollowsTheRunningEstimate() {
        ReceiveStatistics stats = new ReceiveStatistics(1, RATE, 0);
        // Packets every 20 ms, every other one 5 ms late: |D| = 5 ms = 40 units for every packet after the first
        // counted one, so J(n) = 40 * (1 - (15/16)^n).
        int n = 0;
        for (int seq = 0; seq < 200; seq++) {
            long arrival = seq * 20 * MS + (seq % 2 == 1 ? 5 * MS : 0);
            if (stats.update(seq, seq * 160L, arrival, RATE) && seq > 1) {
                n++;
            }
        }

        double expected = 40 * (1 - Math.pow(15.0 / 16.0, n));
        assertThat(stats.jitter()).isCloseTo(expected, within(1e-6));
        assertThat(stats.jitterMillis()).isCloseTo(5.0, within(0.01));
        assertThat(stats.reportBlock(0).jitter()).isEqualTo(39);
    }

    @Test
    void jitterSurvivesATimestampWrap() {
        ReceiveStatistics stats = new ReceiveStatistics(1, RATE, 0);
        long base = 0xFFFF_FFFFL - 160 * 50;
        for (int seq = 0; seq < 100; seq++) {
            stats.update(seq, (base + seq * 160L) & 0xFFFF_FFFFL, seq * 20 * MS, RATE);
        }

        assertThat(stats.jitter()).isCloseTo(0, within(1e-6));
    }

    @Test
    void reportBlocksEchoTheLastSenderReportWithTheDelaySinceIt() {
        ReceiveStatistics stats = new ReceiveStatistics(1, RATE, 0);
        feed(stats, 0);
        feed(stats, 1);
        stats.senderReport(0x1234_5678L, 1_000 * MS);

        ReportBlock block = stats.reportBlock(1_500 * MS);

        assertThat(block.lastSenderReport()).isEqualTo(0x1234_5678L);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(32_768); // 0.5 s in 1/65536 s
    }

    @Test
    void roundTripIsArrivalMinusLsrMinusDlsrForOurOwnSenderReports() {
        RoundTripEstimator rtt = new RoundTripEstimator();
        Instant sentAt = Instant.parse("2026-01-01T00:00:00Z");
        long sentNtp = NtpTime.of(sentAt);
        rtt.sent(sentNtp);
        long lsr = NtpTime.compact(sentNtp);
        // The peer held our SR for 100 ms; its RR arrives 180 ms after we sent the SR: RTT 80 ms.
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, lsr, NtpTime.toCompactUnits(100 * MS));

        assertThat(rtt.received(block, NtpTime.of(sentAt.plusMillis(180)))).hasValueCloseTo(80.0, within(0.1));
        assertThat(rtt.lastMillis()).isCloseTo(80.0, within(0.1));
        assertThat(rtt.received(new ReportBlock(1, 0, 0, 0, 0, lsr + 7, 0), NtpTime.of(sentAt.plusMillis(180))))
                .isEmpty();
        assertThat(rtt.received(new ReportBlock(1, 0, 0, 0, 0, 0, 0), NtpTime.of(sentAt)))
                .isEmpty();
        assertThat(rtt.received(block, NtpTime.of(sentAt.plusMillis(50)))).isEmpty(); // would be negative
    }

    private static boolean feed(ReceiveStatistics stats, int seq) {
        return stats.update(seq, seq * 160L, seq * 20 * MS, RATE);
    }
}
