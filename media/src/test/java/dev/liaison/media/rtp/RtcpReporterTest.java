package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.liaison.media.rtp.RtcpPacket.ReceiverReport;
import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.rtp.RtcpPacket.SourceDescription;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RTCP participant a WebRTC leg keeps: the reports it writes parse back with the right SSRCs, counts, timestamps
 * and report blocks, and the peer's report blocks about our SRs give the round-trip time (RFC 3550 6.4.1).
 */
class RtcpReporterTest {
    private static final long MS = 1_000_000L;
    private static final int OPUS = 48_000;
    private static final int LOCAL_AUDIO = 0x11110001;
    private static final int LOCAL_VIDEO = 0x11110002;
    private static final int PEER = 0x22220001;
    private static final int REPORT_SSRC = 0x33330001;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final RtcpReporter reporter = new RtcpReporter(REPORT_SSRC, "liaison-test", 10_000 * MS);

    @Test
    void aLegThatSentNothingReportsWithAnRrFromItsOwnSsrcAndACname() throws Exception {
        for (int seq = 0; seq < 10; seq++) {
            received(PEER, seq, seq * 20);
        }

        RtcpCompound compound =
                RtcpParser.parse(reporter.report(T0.plusMillis(200)).compound());

        assertThat(compound.packets()).hasSize(2);
        ReceiverReport rr = (ReceiverReport) compound.packets().get(0);
        assertThat(rr.senderSsrc()).isEqualTo(REPORT_SSRC);
        assertThat(rr.reports()).singleElement().satisfies(block -> {
            assertThat(block.ssrc()).isEqualTo(PEER);
            assertThat(block.cumulativeLost()).isZero();
            assertThat(block.extendedHighestSequence()).isEqualTo(9);
            assertThat(block.lastSenderReport()).isZero(); // the peer sent no SR yet
        });
        SourceDescription sdes = (SourceDescription) compound.packets().get(1);
        assertThat(sdes.chunks()).singleElement().satisfies(chunk -> {
            assertThat(chunk.ssrc()).isEqualTo(REPORT_SSRC);
            assertThat(chunk.cname()).contains("liaison-test");
        });
        assertThat(reporter.report(T0).senderReports()).isZero();
    }

    @Test
    void eachOutboundSsrcGetsAnSrWithItsCountsAndTheRtpTimeOfTheNtpTime() throws Exception {
        for (int seq = 0; seq < 50; seq++) {
            reporter.sent(packet(LOCAL_AUDIO, 111, seq, 1000 + seq * 960L, 40), nanos(T0) + seq * 20 * MS, OPUS);
        }
        for (int seq = 0; seq < 5; seq++) {
            reporter.sent(packet(LOCAL_VIDEO, 96, seq, 7000 + seq * 3000L, 900), nanos(T0) + seq * 33 * MS, 90_000);
        }
        for (int seq = 0; seq < 10; seq++) {
            received(PEER, seq, seq * 20);
        }
        // the peer's SR, 300 ms before our report: our block echoes it
        long peerNtp = NtpTime.of(T0.plusMillis(700));
        reporter.peerReports(
                new RtcpCompound(List.of(new SenderReport(PEER, peerNtp, 0, 10, 100, List.of())), 0),
                T0.plusMillis(700));
        Instant now = T0.plusMillis(1000);

        RtcpReporter.Report report = reporter.report(now);
        RtcpCompound compound = RtcpParser.parse(report.compound());

        assertThat(report.senderReports()).isEqualTo(2);
        assertThat(report.ntpTimestamp()).isEqualTo(NtpTime.of(now));
        List<SenderReport> srs = compound.all(SenderReport.class);
        assertThat(srs).extracting(SenderReport::senderSsrc).containsExactly(LOCAL_AUDIO, LOCAL_VIDEO);
        SenderReport audio = srs.get(0);
        assertThat(audio.ntpTimestamp()).isEqualTo(NtpTime.of(now));
        assertThat(audio.packetCount()).isEqualTo(50);
        assertThat(audio.octetCount()).isEqualTo(50 * 40);
        // last packet at 980 ms with timestamp 1000 + 49 * 960; 20 ms later at 48 kHz is 960 more
        assertThat(audio.rtpTimestamp()).isEqualTo(1000 + 50 * 960L);
        SenderReport video = srs.get(1);
        assertThat(video.packetCount()).isEqualTo(5);
        assertThat(video.octetCount()).isEqualTo(5 * 900);
        assertThat(video.rtpTimestamp()).isEqualTo(7000 + 4 * 3000L + (1000 - 4 * 33) * 90L);
        assertThat(video.reports()).isEmpty(); // the blocks go once, in the first report
        ReportBlock block = audio.reports().get(0);
        assertThat(block.ssrc()).isEqualTo(PEER);
        assertThat(block.lastSenderReport()).isEqualTo(NtpTime.compact(peerNtp));
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(NtpTime.toCompactUnits(300 * MS));
        assertThat(compound.all(SourceDescription.class).get(0).chunks())
                .extracting(RtcpPacket.SdesChunk::ssrc)
                .containsExactly(LOCAL_AUDIO, LOCAL_VIDEO);
    }

    @Test
    void anSsrcSilentForLongerThanTheSenderTimeoutReportsNoMore() throws Exception {
        reporter.sent(packet(LOCAL_AUDIO, 111, 1, 960, 40), nanos(T0), OPUS);

        assertThat(reporter.report(T0.plusSeconds(5)).senderReports()).isEqualTo(1);
        RtcpCompound later =
                RtcpParser.parse(reporter.report(T0.plusSeconds(11)).compound());

        assertThat(later.all(SenderReport.class)).isEmpty();
        assertThat(later.all(ReceiverReport.class))
                .singleElement()
                .extracting(ReceiverReport::senderSsrc)
                .isEqualTo(REPORT_SSRC);
    }

    @Test
    void theLastReportEndsWithAByeForEverySsrcTheLegUsed() throws Exception {
        reporter.sent(packet(LOCAL_AUDIO, 111, 1, 960, 40), nanos(T0), OPUS);
        reporter.sent(packet(LOCAL_VIDEO, 96, 1, 3000, 900), nanos(T0), 90_000);

        RtcpCompound compound =
                RtcpParser.parse(reporter.goodbye(T0.plusMillis(10)).compound());

        assertThat(compound.packets()).hasSize(4); // SR, SR, SDES, BYE
        assertThat(compound.packets().get(3))
                .isInstanceOfSatisfying(RtcpPacket.Bye.class, bye -> assertThat(bye.ssrcs())
                        .containsExactlyInAnyOrder(LOCAL_AUDIO, LOCAL_VIDEO, REPORT_SSRC));
    }

    @Test
    void roundTripIsArrivalMinusLsrMinusDlsrOfTheBlockAboutOurSr() {
        reporter.sent(packet(LOCAL_AUDIO, 111, 1, 960, 40), nanos(T0), OPUS);
        Instant sentAt = T0.plusMillis(100);
        RtcpReporter.Report report = reporter.report(sentAt);
        reporter.reportSent(report);
        long lsr = NtpTime.compact(report.ntpTimestamp());
        // the peer held our SR for 250 ms; its RR arrives 290 ms after we sent it: RTT 40 ms
        ReportBlock aboutUs = new ReportBlock(LOCAL_AUDIO, 0, 0, 1, 0, lsr, NtpTime.toCompactUnits(250 * MS));
        RtcpCompound rr = new RtcpCompound(List.of(new ReceiverReport(PEER, List.of(aboutUs))), 0);

        assertThat(reporter.roundTripMillis()).isEqualTo(-1);
        assertThat(reporter.peerReports(rr, sentAt.plusMillis(290))).hasValueCloseTo(40.0, within(0.05));
        assertThat(reporter.roundTripMillis()).isCloseTo(40.0, within(0.05));
    }

    @Test
    void blocksAboutOtherSsrcsOrUnknownSrsLeaveTheRoundTripUnknown() {
        reporter.sent(packet(LOCAL_AUDIO, 111, 1, 960, 40), nanos(T0), OPUS);
        RtcpReporter.Report notSent = reporter.report(T0.plusMillis(100)); // never reported as sent
        long lsr = NtpTime.compact(notSent.ntpTimestamp());
        Instant arrival = T0.plusMillis(300);

        reporter.peerReports(rrAbout(LOCAL_AUDIO, lsr), arrival);
        RtcpReporter.Report sent = reporter.report(T0.plusMillis(120));
        reporter.reportSent(sent);
        reporter.peerReports(rrAbout(0x7777_7777, NtpTime.compact(sent.ntpTimestamp())), arrival);
        reporter.peerReports(rrAbout(LOCAL_AUDIO, 0), arrival);

        assertThat(reporter.roundTripMillis()).isEqualTo(-1);
    }

    @Test
    void lossAndJitterOfASyntheticOpusStreamAtFortyEightKilohertz() throws Exception {
        // 20 ms packets, the odd ones 4 ms late; 30..33 lost, so 29 (late) is followed by 34 (on time): every
        // transit difference is 4 ms = 192 units, and J(n) = 192 * (1 - (15/16)^n) after n of them. The jitter
        // counts from the third packet (the first ends probation, the second is the first transit).
        int differences = 0;
        for (int seq = 0; seq < 60; seq++) {
            if (seq >= 30 && seq < 34) {
                continue;
            }
            received(PEER, seq, seq * 20 + (seq % 2 == 1 ? 4 : 0));
            if (seq > 1) {
                differences++;
            }
        }
        double expected = 192 * (1 - Math.pow(15.0 / 16.0, differences));

        assertThat(reporter.lost()).isEqualTo(4);
        assertThat(reporter.jitterMillis()).isCloseTo(expected * 1000.0 / OPUS, within(1e-9));
        // what the next RR says of it: the sequence counted from 1 (the packet that ended probation) to 59
        ReceiverReport rr = RtcpParser.parse(reporter.report(T0.plusSeconds(2)).compound())
                .all(ReceiverReport.class)
                .get(0);
        ReportBlock block = rr.reports().get(0);
        assertThat(block.cumulativeLost()).isEqualTo(4);
        assertThat(block.extendedHighestSequence()).isEqualTo(59);
        assertThat(block.fractionLost()).isEqualTo((4 << 8) / 59);
        assertThat(block.jitter()).isEqualTo((long) expected);
    }

    private void received(int ssrc, int seq, long arrivalMillis) {
        reporter.received(packet(ssrc, 111, seq, seq * 960L, 40), nanos(T0) + arrivalMillis * MS, OPUS);
    }

    private static RtcpCompound rrAbout(int ssrc, long lsr) {
        return new RtcpCompound(
                List.of(new ReceiverReport(
                        PEER, List.of(new ReportBlock(ssrc, 0, 0, 1, 0, lsr, NtpTime.toCompactUnits(10 * MS))))),
                0);
    }

    private static RtpPacket packet(int ssrc, int pt, int seq, long timestamp, int payload) {
        try {
            return RtpPacket.parse(Packets.rtp(pt, seq, timestamp, ssrc, payload));
        } catch (RtpFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static long nanos(Instant instant) {
        return RtcpReporter.nanos(instant);
    }
}
