package dev.liaison.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.dtls.DtlsCertificateService;
import dev.liaison.media.dtls.DtlsRole;
import dev.liaison.media.dtls.DtlsSettings;
import dev.liaison.media.ice.MutableClock;
import dev.liaison.media.leg.LegStatistics;
import dev.liaison.media.rtp.NtpTime;
import dev.liaison.media.rtp.RtcpCompound;
import dev.liaison.media.rtp.RtcpPacket.Bye;
import dev.liaison.media.rtp.RtcpPacket.ReceiverReport;
import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.rtp.RtcpPacket.SourceDescription;
import dev.liaison.media.rtp.RtcpParser;
import dev.liaison.media.rtp.RtcpWriter;
import dev.liaison.media.stun.StunMessageType;
import dev.liaison.media.transport.MuxSettings;
import dev.liaison.media.transport.UdpMux;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A WebRTC leg is an RTCP participant of its own over SRTCP on the muxed port: a Java peer (the browser's part) sends
 * SRTP whose arrival times the test sets on an injected clock, and reads the leg's reports with its SRTP keys. Loss
 * and jitter come from the authenticated packets at the negotiated clock rate, the leg's SR/RR parse back with its
 * SSRCs, the peer's RR about the leg's SR gives the round-trip time, and malformed RTCP changes nothing.
 */
class WebRtcLegRtcpTest {
    private static final int PEER_SSRC = 0x0A0B0C0D;
    private static final int LEG_SSRC = 0x01020304;
    private static final long MS = 1_000_000L;

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UdpMux mux = new UdpMux(
            new MuxSettings(new InetSocketAddress("127.0.0.1", 0), Duration.ofSeconds(30), 64, 3), clock, registry);
    // a long interval: the periodic reports come only when a test moves the clock that far
    private final WebRtcLegs legs = new WebRtcLegs(
            mux,
            new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)),
            DtlsSettings.defaults(),
            registry,
            clock,
            2,
            Duration.ofSeconds(60));
    private final RecordingListener listener = new RecordingListener();
    private final List<JavaWebRtcPeer> peers = new ArrayList<>();

    @AfterEach
    void noLeak() {
        peers.forEach(JavaWebRtcPeer::close);
        legs.close();
        assertThat(legs.openCount()).isZero();
        assertThat(mux.sessionCount()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t ->
                        t.getName().startsWith("media-rtcp-") || t.getName().startsWith("media-dtls-")));
        mux.close();
    }

    @Test
    void lossAndJitterOfTheBrowsersOpusStreamComeFromItsAuthenticatedPacketsAtFortyEightKilohertz() throws Exception {
        WebRtcLeg leg = open();
        leg.clockRate(111, 48_000);
        JavaWebRtcPeer peer = connect(leg);
        // 20 ms Opus packets (960 units), the odd ones 4 ms late, 20..23 lost: every transit difference is 4 ms
        Instant start = clock.instant();
        int differences = 0;
        for (int seq = 0; seq < 40; seq++) {
            if (seq >= 20 && seq < 24) {
                continue;
            }
            arriveAt(leg, peer, JavaWebRtcPeer.rtp(111, seq, seq * 960L, PEER_SSRC), start, seq * 20 + seq % 2 * 4);
            differences += seq > 1 ? 1 : 0;
        }
        double jitterUnits = 192 * (1 - Math.pow(15.0 / 16.0, differences));

        LegStatistics stats = leg.statistics();
        assertThat(stats.packetsReceived()).isEqualTo(36);
        assertThat(stats.packetsLost()).isEqualTo(4);
        assertThat(stats.jitterMillis()).isCloseTo(jitterUnits / 48.0, within(1e-9));
        assertThat(stats.roundTripMillis()).isEqualTo(-1); // the leg has sent no SR yet

        assertThat(leg.sendReport()).isTrue();
        RtcpCompound report = RtcpParser.parse(peer.receiveRtcp());
        ReceiverReport rr = report.all(ReceiverReport.class).get(0);
        assertThat(report.all(SenderReport.class)).isEmpty(); // the leg sent no RTP
        assertThat(rr.senderSsrc()).isNotEqualTo(PEER_SSRC);
        ReportBlock block = rr.reports().get(0);
        assertThat(block.ssrc()).isEqualTo(PEER_SSRC);
        assertThat(block.cumulativeLost()).isEqualTo(4);
        assertThat(block.extendedHighestSequence()).isEqualTo(39);
        assertThat(block.fractionLost()).isEqualTo((4 << 8) / 39); // counted from 1, the packet that ended probation
        assertThat(block.jitter()).isEqualTo((long) jitterUnits);
        assertThat(report.all(SourceDescription.class).get(0).chunks().get(0).ssrc())
                .isEqualTo(rr.senderSsrc());
        await().atMost(Duration.ofSeconds(5)).until(() -> meter("liaison.media.webrtc.rtcp.reports") == 1);
    }

    @Test
    void aVideoStreamCountsAtTheNinetyKilohertzOfItsNegotiatedCodec() throws Exception {
        WebRtcLeg leg = open();
        leg.clockRate(96, 90_000);
        JavaWebRtcPeer peer = connect(leg);
        // 25 frames per second (3600 units each), the odd ones 10 ms late: 10 ms = 900 units of transit difference
        Instant start = clock.instant();
        for (int seq = 0; seq < 30; seq++) {
            arriveAt(leg, peer, JavaWebRtcPeer.rtp(96, seq, seq * 3600L, PEER_SSRC), start, seq * 40 + seq % 2 * 10);
        }

        assertThat(leg.statistics().jitterMillis())
                .isCloseTo(900 * (1 - Math.pow(15.0 / 16.0, 28)) / 90.0, within(1e-9));
        assertThat(leg.statistics().packetsLost()).isZero();
    }

    @Test
    void aVideoPayloadTypeNobodyNamedIsCountedAtTheRateItsTimestampsShow() throws Exception {
        WebRtcLeg leg = open();
        JavaWebRtcPeer peer = connect(leg);
        // PT 100 at 25 fps, never named: counted at the 48 kHz fallback until two seconds show 90 kHz timestamps,
        // then afresh at 90 kHz (the jitter in the old units is dropped with the old clock)
        Instant start = clock.instant();
        int differencesAtNinety = -1;
        for (int seq = 0; seq < 75; seq++) {
            long millis = seq * 40 + seq % 2 * 10;
            arriveAt(leg, peer, JavaWebRtcPeer.rtp(100, seq, seq * 3600L, PEER_SSRC), start, millis);
            if (millis >= 2000) {
                differencesAtNinety++; // the first packet at 90 kHz starts the transit anew
            }
        }

        assertThat(leg.statistics().jitterMillis())
                .isCloseTo(900 * (1 - Math.pow(15.0 / 16.0, differencesAtNinety)) / 90.0, within(1e-9));
    }

    @Test
    void theLegsSrParsesBackAndTheBrowsersRrAboutItGivesTheRoundTripTime() throws Exception {
        WebRtcLeg leg = open();
        JavaWebRtcPeer peer = connect(leg);
        Instant start = clock.instant();
        for (int seq = 0; seq < 5; seq++) {
            arriveAt(leg, peer, JavaWebRtcPeer.rtp(111, seq, seq * 960L, PEER_SSRC), start, seq * 20);
        }
        for (int seq = 1; seq <= 10; seq++) {
            assertThat(leg.sendRtp(JavaWebRtcPeer.rtp(111, seq, 5000 + seq * 960L, LEG_SSRC), 32))
                    .isTrue();
            assertThat(peer.receiveRtp()).isNotNull();
        }
        // the browser's SR, 100 ms before the leg reports: the leg's block echoes it with the delay since
        long browserNtp = NtpTime.of(clock.instant());
        byte[] browserSr =
                RtcpWriter.compound(List.of(new SenderReport(PEER_SSRC, browserNtp, 3840, 5, 100, List.of())));
        peer.sendRtcp(browserSr);
        assertThat(listener.rtcp.poll(5, TimeUnit.SECONDS)).isEqualTo(browserSr); // still forwarded to the bridge
        clock.advance(Duration.ofMillis(100));

        assertThat(leg.sendReport()).isTrue();
        Instant reportedAt = clock.instant();
        RtcpCompound report = RtcpParser.parse(peer.receiveRtcp());

        SenderReport sr = report.all(SenderReport.class).get(0);
        assertThat(sr.senderSsrc()).isEqualTo(LEG_SSRC);
        assertThat(sr.ntpTimestamp()).isEqualTo(NtpTime.of(reportedAt));
        assertThat(sr.packetCount()).isEqualTo(10);
        assertThat(sr.octetCount()).isEqualTo(10 * 20);
        assertThat(sr.rtpTimestamp()).isEqualTo(5000 + 10 * 960L + 100 * 48); // 100 ms after the last packet
        ReportBlock aboutBrowser = sr.reports().get(0);
        assertThat(aboutBrowser.ssrc()).isEqualTo(PEER_SSRC);
        assertThat(aboutBrowser.lastSenderReport()).isEqualTo(NtpTime.compact(browserNtp));
        assertThat(aboutBrowser.delaySinceLastSenderReport()).isEqualTo(NtpTime.toCompactUnits(100 * MS));
        assertThat(report.all(SourceDescription.class).get(0).chunks().get(0).cname())
                .hasValueSatisfying(cname -> assertThat(cname).startsWith("liaison-"));

        // the browser held the SR 250 ms and its RR arrives 320 ms after the SR left: 70 ms round trip
        clock.advance(Duration.ofMillis(320));
        peer.sendRtcp(receiverReportAbout(LEG_SSRC, sr.compactNtp(), NtpTime.toCompactUnits(250 * MS)));

        await().atMost(Duration.ofSeconds(5)).until(() -> leg.statistics().roundTripMillis() >= 0);
        assertThat(leg.statistics().roundTripMillis()).isCloseTo(70.0, within(0.05));
        assertThat(registry.find("liaison.media.webrtc.round.trip").summary().count())
                .isEqualTo(1);
    }

    @Test
    void malformedRtcpFromTheBrowserIsDroppedAndCountedAndChangesNothing() throws Exception {
        WebRtcLeg leg = open();
        JavaWebRtcPeer peer = connect(leg);
        Instant start = clock.instant();
        for (int seq = 0; seq < 5; seq++) {
            arriveAt(leg, peer, JavaWebRtcPeer.rtp(111, seq, seq * 960L, PEER_SSRC), start, seq * 20);
        }
        assertThat(leg.sendRtp(JavaWebRtcPeer.rtp(111, 1, 960, LEG_SSRC), 32)).isTrue();
        assertThat(leg.sendReport()).isTrue();
        SenderReport sr =
                RtcpParser.parse(peer.receiveRtcp()).all(SenderReport.class).get(0);
        LegStatistics before = leg.statistics();
        Instant lastReceived = leg.lastReceived().orElseThrow();
        clock.advance(Duration.ofMillis(300));

        byte[] valid = receiverReportAbout(LEG_SSRC, sr.compactNtp(), NtpTime.toCompactUnits(250 * MS));
        List<byte[]> malformed = List.of(
                // a block announced, none there
                new byte[] {(byte) 0x81, (byte) 201, 0, 1, 1, 2, 3, 4},
                // a good RR about our SR with three stray bytes after it: the whole compound goes
                Arrays.copyOf(valid, valid.length + 3),
                // a length that runs past the datagram
                withLength(valid, 40),
                // an SDES chunk without its end item
                new byte[] {(byte) 0x81, (byte) 202, 0, 2, 1, 2, 3, 4, 1, 2, 'a', 'b'});
        for (byte[] rtcp : malformed) {
            peer.sendRtcp(rtcp);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> leg.statistics().dropped() == before.dropped() + 4);
        LegStatistics after = leg.statistics();
        assertThat(after)
                .isEqualTo(new LegStatistics(
                        before.packetsReceived(),
                        before.bytesReceived(),
                        before.packetsSent(),
                        before.bytesSent(),
                        before.packetsLost(),
                        before.jitterMillis(),
                        -1,
                        before.dropped() + 4));
        assertThat(listener.rtcp).isEmpty();
        assertThat(leg.lastReceived()).contains(lastReceived);
        assertThat(meter("liaison.media.webrtc.dropped", "direction", "received", "reason", "malformed_rtcp"))
                .isEqualTo(4);

        // the same report well formed is taken
        peer.sendRtcp(valid);
        await().atMost(Duration.ofSeconds(5)).until(() -> leg.statistics().roundTripMillis() >= 0);
        assertThat(leg.statistics().roundTripMillis()).isCloseTo(50.0, within(0.05));
        assertThat(listener.rtcp.poll(5, TimeUnit.SECONDS)).isEqualTo(valid);
    }

    @Test
    void theLegReportsOnItsOwnEveryIntervalOnceReady() throws Exception {
        WebRtcLeg leg = open();
        JavaWebRtcPeer peer = connect(leg);
        assertThat(leg.sendRtp(JavaWebRtcPeer.rtp(111, 1, 960, LEG_SSRC), 32)).isTrue();
        assertThat(peer.receiveRtp()).isNotNull();
        await().atMost(Duration.ofSeconds(5)).until(leg::reportScheduled);

        clock.advance(Duration.ofSeconds(46)); // the first after at most 1.5 x half the interval
        byte[] first = peer.receiveRtcp();
        assertThat(first).as("first periodic report").isNotNull();
        assertThat(RtcpParser.parse(first).all(SenderReport.class))
                .singleElement()
                .extracting(SenderReport::senderSsrc)
                .isEqualTo(LEG_SSRC);

        clock.advance(Duration.ofSeconds(91)); // then at most 1.5 x the interval; the SSRC is silent by now
        byte[] second = peer.receiveRtcp();
        assertThat(second).as("second periodic report").isNotNull();
        RtcpCompound compound = RtcpParser.parse(second);
        assertThat(compound.all(SenderReport.class)).isEmpty();
        assertThat(compound.all(ReceiverReport.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> meter("liaison.media.webrtc.rtcp.reports") == 2);
    }

    @Test
    void closingTheLegSaysByeForEverySsrcItUsed() throws Exception {
        WebRtcLeg leg = open();
        JavaWebRtcPeer peer = connect(leg);
        assertThat(leg.sendRtp(JavaWebRtcPeer.rtp(111, 1, 960, LEG_SSRC), 32)).isTrue();
        assertThat(peer.receiveRtp()).isNotNull();

        leg.close();

        RtcpCompound last = RtcpParser.parse(peer.receiveRtcp());
        assertThat(last.packets().get(0)).isInstanceOf(SenderReport.class);
        assertThat(last.packets().get(last.packets().size() - 1))
                .isInstanceOfSatisfying(
                        Bye.class, bye -> assertThat(bye.ssrcs()).contains(LEG_SSRC));
        assertThat(leg.sendReport()).isFalse();
        assertThat(legs.openCount()).isZero();
    }

    private void arriveAt(WebRtcLeg leg, JavaWebRtcPeer peer, byte[] rtp, Instant start, long millis) throws Exception {
        Duration ahead = Duration.between(clock.instant(), start.plusMillis(millis));
        clock.advance(ahead);
        peer.sendRtp(rtp);
        assertThat(listener.nextRtp()).as("packet delivered").isEqualTo(rtp);
    }

    private static byte[] receiverReportAbout(int ssrc, long lsr, long dlsr) {
        return RtcpWriter.compound(
                List.of(new ReceiverReport(PEER_SSRC, List.of(new ReportBlock(ssrc, 0, 0, 1, 0, lsr, dlsr)))));
    }

    private static byte[] withLength(byte[] rtcp, int words) {
        byte[] copy = rtcp.clone();
        copy[2] = (byte) (words >> 8);
        copy[3] = (byte) words;
        return copy;
    }

    private WebRtcLeg open() {
        WebRtcLeg leg = (WebRtcLeg) legs.open("rtcp-" + legs.openCount());
        leg.listen(listener);
        return leg;
    }

    private JavaWebRtcPeer connect(WebRtcLeg leg) throws Exception {
        JavaWebRtcPeer peer = new JavaWebRtcPeer(mux.localAddress());
        peers.add(peer);
        leg.remoteDescription(peer.ice.ufrag(), peer.ice.pwd(), peer.fingerprint(), "actpass");
        assertThat(peer.check(leg, true).type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
        peer.dtls(DtlsRole.CLIENT, leg.localFingerprint()).get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(leg::ready);
        return peer;
    }

    private double meter(String name, String... tags) {
        return registry.counter(name, tags).count();
    }
}
