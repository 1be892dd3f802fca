package dev.liaison.media.rtp;

import static dev.liaison.media.rtp.LegFixture.address;
import static dev.liaison.media.rtp.LegFixture.receive;
import static dev.liaison.media.rtp.LegFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.leg.LegStatistics;
import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.rtp.RtcpPacket.ReceiverReport;
import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.rtp.RtcpPacket.SourceDescription;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two plain RTP legs of one {@link RtpLegs} talk over loopback, with RTCP on port+1 or muxed on the RTP port. */
class RtpLegExchangeTest {

    private final LegFixture fixture = new LegFixture();

    @AfterEach
    void noLeak() {
        fixture.close();
    }

    @Test
    void twoLegsExchangeRtpAndRtcpOnSeparatePortsAndMeasureTheRoundTrip() throws Exception {
        RtpLegControl a = fixture.legs.open("bridge-1", Optional.empty());
        RtpLegControl b = fixture.legs.open("bridge-1", Optional.empty());
        Recorder atA = new Recorder();
        Recorder atB = new Recorder();
        a.listen(atA);
        b.listen(atB);
        assertThat(a.localAddress().getPort() % 2).isZero();
        assertThat(a.ready()).isFalse();

        a.remoteDescription(Optional.of(b.localAddress()), Optional.empty(), false, Optional.empty());
        b.remoteDescription(Optional.of(a.localAddress()), Optional.empty(), false, Optional.empty());
        assertThat(a.ready()).isTrue();

        for (int seq = 1; seq <= 3; seq++) {
            assertThat(a.sendRtp(Packets.rtp(0, seq, seq * 160L, 0xA, 160), 172))
                    .isTrue();
        }
        for (int seq = 1; seq <= 3; seq++) {
            RtpPacket got = RtpPacket.parse(atB.nextRtp());
            assertThat(got.sequence()).isEqualTo(seq);
            assertThat(got.payloadLength()).isEqualTo(160);
        }
        assertThat(b.sendRtp(Packets.rtp(8, 100, 1000, 0xB, 80), 92)).isTrue();
        assertThat(RtpPacket.parse(atA.nextRtp()).ssrc()).isEqualTo(0xB);

        // A sends an SR (it has sent RTP), B answers with an SR whose report block echoes it: A gets an RTT.
        assertThat(((RtpLeg) a).sendReport()).isTrue();
        RtcpCompound fromA = RtcpParser.parse(atB.nextRtcp());
        SenderReport sr = fromA.all(SenderReport.class).get(0);
        assertThat(sr.senderSsrc()).isEqualTo(0xA);
        assertThat(sr.packetCount()).isEqualTo(3);
        assertThat(sr.octetCount()).isEqualTo(480);
        assertThat(fromA.all(SourceDescription.class).get(0).chunks().get(0).cname())
                .isPresent();
        fixture.clock.advance(Duration.ofMillis(40)); // B holds the SR for 40 ms: DLSR
        assertThat(((RtpLeg) b).sendReport()).isTrue();
        RtcpCompound fromB = RtcpParser.parse(atA.nextRtcp());
        ReportBlock aboutA = fromB.all(SenderReport.class).get(0).reports().get(0);
        assertThat(aboutA.ssrc()).isEqualTo(0xA);
        assertThat(aboutA.lastSenderReport()).isEqualTo(sr.compactNtp());
        assertThat(aboutA.delaySinceLastSenderReport()).isEqualTo(NtpTime.toCompactUnits(40_000_000L));
        await().atMost(Duration.ofSeconds(5)).until(() -> a.statistics().roundTripMillis() >= 0);
        assertThat(a.statistics().roundTripMillis()).isLessThan(1.0); // the test clock stood still on the wire

        LegStatistics atBStats = b.statistics();
        assertThat(atBStats.packetsReceived()).isEqualTo(3);
        assertThat(atBStats.bytesReceived()).isEqualTo(480);
        assertThat(atBStats.packetsSent()).isEqualTo(1);
        assertThat(atBStats.packetsLost()).isZero();
        assertThat(a.lastReceived()).isPresent();
        assertThat(fixture.counter("liaison.media.rtp.packets", "direction", "in", "kind", "rtp"))
                .isEqualTo(4);
        assertThat(fixture.counter("liaison.media.rtp.packets", "direction", "out", "kind", "rtcp"))
                .isEqualTo(2);
        assertThat(fixture.registry
                        .get("liaison.media.rtp.round.trip")
                        .summary()
                        .count())
                .isEqualTo(1);
        assertThat(fixture.registry.get("liaison.media.rtp.legs").gauge().value())
                .isEqualTo(2);

        a.close();
        b.close();
        a.close(); // idempotent
        assertThat(fixture.legs.openCount()).isZero();
        assertThat(fixture.legs.portsInUse()).isZero();
        assertThat(a.sendRtp(Packets.rtp(0, 9, 9, 0xA, 10), 22)).isFalse();
    }

    @Test
    void rtcpMuxSendsRtcpToTheRtpPortAndTakesRtcpArrivingThere() throws Exception {
        RtpLegControl leg = fixture.legs.open("bridge-2", Optional.empty());
        Recorder recorder = new Recorder();
        leg.listen(recorder);
        DatagramSocket peer = fixture.socket();
        leg.remoteDescription(Optional.of(address(peer)), Optional.empty(), true, Optional.empty());

        assertThat(((RtpLeg) leg).sendReport()).isTrue();
        byte[] report = receive(peer);
        assertThat(PacketKind.of(report, 0, report.length)).isEqualTo(PacketKind.RTCP);
        assertThat(RtcpParser.parse(report).packets().get(0)).isInstanceOf(ReceiverReport.class);

        byte[] rr = RtcpWriter.write(new ReceiverReport(77, List.of()));
        send(peer, rr, leg.localAddress());
        send(peer, Packets.rtp(0, 1, 160, 77, 20), leg.localAddress());
        assertThat(recorder.nextRtcp()).isEqualTo(rr);
        assertThat(RtpPacket.parse(recorder.nextRtp()).ssrc()).isEqualTo(77);
        leg.close();
    }

    @Test
    void withoutMuxRtcpGoesToTheAnnouncedRtcpAddress() throws Exception {
        RtpLegControl leg = fixture.legs.open("bridge-3", Optional.empty());
        leg.listen(new Recorder());
        DatagramSocket rtp = fixture.socket();
        DatagramSocket rtcp = fixture.socket();
        leg.remoteDescription(Optional.of(address(rtp)), Optional.of(address(rtcp)), false, Optional.empty());

        assertThat(((RtpLeg) leg).sendReport()).isTrue();
        assertThat(PacketKind.of(receive(rtcp), 0, 8)).isEqualTo(PacketKind.RTCP);
        leg.close();
    }

    @Test
    void statisticsOfAStreamWithInducedLossReachTheLegAndItsReceiverReport() throws Exception {
        RtpLegControl leg = fixture.legs.open("bridge-4", Optional.empty());
        leg.listen(new Recorder());
        DatagramSocket peer = fixture.socket();
        DatagramSocket peerRtcp = fixture.socket();
        leg.remoteDescription(Optional.of(address(peer)), Optional.of(address(peerRtcp)), false, Optional.empty());

        int sent = 0;
        for (int seq = 1000; seq < 1100; seq++) {
            if (seq % 20 == 7) {
                continue; // 5 packets lost on the way
            }
            send(peer, Packets.rtp(0, seq, seq * 160L, 0x5EED, 160), leg.localAddress());
            sent++;
        }
        int expectedReceived = sent;
        await().atMost(Duration.ofSeconds(5)).until(() -> leg.statistics().packetsReceived() == expectedReceived);

        LegStatistics stats = leg.statistics();
        assertThat(stats.packetsLost()).isEqualTo(5);
        assertThat(stats.jitterMillis()).isGreaterThanOrEqualTo(0);
        assertThat(stats.dropped()).isZero();
        assertThat(((RtpLeg) leg).sendReport()).isTrue();
        ReceiverReport rr =
                (ReceiverReport) RtcpParser.parse(receive(peerRtcp)).packets().get(0);
        ReportBlock block = rr.reports().get(0);
        assertThat(block.ssrc()).isEqualTo(0x5EED);
        assertThat(block.cumulativeLost()).isEqualTo(5);
        assertThat(block.fractionLost()).isEqualTo(5 * 256 / 99);
        assertThat(block.extendedHighestSequence()).isEqualTo(1099);
        leg.close();
        assertThat(fixture.counter("liaison.media.rtp.lost")).isEqualTo(5);
    }

    @Test
    void malformedOversizeAndMisplacedPacketsAreDroppedAndCounted() throws Exception {
        RtpLegControl leg = fixture.legs.open("bridge-5", Optional.empty());
        Recorder recorder = new Recorder();
        leg.listen(recorder);
        DatagramSocket peer = fixture.socket();
        leg.remoteDescription(Optional.of(address(peer)), Optional.empty(), false, Optional.empty());
        InetSocketAddress rtcpPort = LegFixture.rtcpOf(leg.localAddress());

        send(peer, new byte[] {1, 2, 3}, leg.localAddress()); // not RTP
        byte[] truncated = Packets.rtp(0, 1, 1, 1, 0);
        truncated[0] = (byte) 0x8F; // 15 CSRCs claimed
        send(peer, truncated, leg.localAddress());
        send(peer, new byte[RtpLeg.MAX_PACKET + 1], leg.localAddress());
        send(peer, Packets.rtp(0, 1, 1, 1, 10), rtcpPort); // RTP on the RTCP port
        send(peer, new byte[] {(byte) 0x81, (byte) 201, 0, 7}, rtcpPort); // RTCP length past the end
        send(peer, Packets.rtp(0, 2, 2, 1, 10), leg.localAddress()); // then a good one

        assertThat(RtpPacket.parse(recorder.nextRtp()).sequence()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> leg.statistics().dropped() == 5);
        assertThat(fixture.dropped("in", RtpDrop.MALFORMED)).isEqualTo(4);
        assertThat(fixture.dropped("in", RtpDrop.OVERSIZE)).isEqualTo(1);
        assertThat(leg.sendRtp(new byte[5], 5)).isFalse();
        assertThat(leg.sendRtcp(new byte[5], 5)).isFalse();
        assertThat(fixture.dropped("out", RtpDrop.MALFORMED)).isEqualTo(2);
        assertThat(recorder.rtcp).isEmpty();
        leg.close();
    }

    @Test
    void theLegSendsItsOwnReportsPeriodically() throws Exception {
        RtpLegControl leg = fixture.legs.open("bridge-7", Optional.empty());
        leg.listen(new Recorder());
        DatagramSocket peer = fixture.socket();
        leg.remoteDescription(Optional.of(address(peer)), Optional.empty(), true, Optional.empty());

        fixture.clock.advance(Duration.ofNanos(RtpLeg.REPORT_INTERVAL_NANOS * 2));

        assertThat(RtcpParser.parse(receive(peer)).packets().get(0)).isInstanceOf(ReceiverReport.class);
        leg.close();
    }

    @Test
    void manyLegsShareOneReaderThread() throws Exception {
        List<RtpLegControl> opened = new java.util.ArrayList<>();
        List<Recorder> recorders = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RtpLegControl leg = fixture.legs.open("bridge-" + i / 2, Optional.empty());
            Recorder recorder = new Recorder();
            leg.listen(recorder);
            opened.add(leg);
            recorders.add(recorder);
        }
        for (int i = 0; i < 10; i += 2) {
            RtpLegControl a = opened.get(i);
            RtpLegControl b = opened.get(i + 1);
            a.remoteDescription(Optional.of(b.localAddress()), Optional.empty(), true, Optional.empty());
            b.remoteDescription(Optional.of(a.localAddress()), Optional.empty(), true, Optional.empty());
        }
        for (int i = 0; i < 10; i++) {
            assertThat(opened.get(i).sendRtp(Packets.rtp(0, i, i, i, 10), 22)).isTrue();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(RtpPacket.parse(recorders.get(i).nextRtp()).ssrc()).isEqualTo(i ^ 1);
        }

        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals(RtpLegs.READER_THREAD)))
                .hasSize(1);
        assertThat(fixture.legs.openCount()).isEqualTo(10);
        opened.forEach(RtpLegControl::close);
    }

    @Test
    void randomDatagramsOnBothPortsNeverStopTheReader() throws Exception {
        RtpLegControl plain = fixture.legs.open("bridge-8", Optional.empty());
        RtpLegControl sdes =
                fixture.legs.open("bridge-8", Optional.of(dev.liaison.media.srtp.SrtpProfile.AES128_CM_HMAC_SHA1_80));
        Recorder recorder = new Recorder();
        plain.listen(recorder);
        sdes.listen(new Recorder());
        DatagramSocket peer = fixture.socket();
        sdes.remoteDescription(
                Optional.of(address(peer)),
                Optional.empty(),
                false,
                Optional.of(dev.liaison.media.srtp.SdesCrypto.generate(
                                1, dev.liaison.media.srtp.SrtpProfile.AES128_CM_HMAC_SHA1_80)
                        .format()));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 400; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            if (junk.length > 0 && i % 2 == 0) {
                junk[0] = (byte) (0x80 | (junk[0] & 0x3F));
            }
            RtpLegControl target = i % 4 < 2 ? plain : sdes;
            send(peer, junk, i % 3 == 0 ? LegFixture.rtcpOf(target.localAddress()) : target.localAddress());
        }
        send(peer, Packets.rtp(0, 1, 1, 0xF00D, 10), plain.localAddress());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorder.rtp.stream().anyMatch(p -> RtpPacket.readInt(p, 8) == 0xF00D));
        assertThat(fixture.legs.readerAlive()).isTrue();
        assertThat(plain.statistics().dropped() + sdes.statistics().dropped()).isPositive();
        plain.close();
        sdes.close();
    }

    @Test
    void aLegWithoutThePeersDescriptionSendsNothing() {
        RtpLegControl leg = fixture.legs.open("bridge-6", Optional.empty());

        assertThat(leg.sendRtp(Packets.rtp(0, 1, 1, 1, 10), 22)).isFalse();
        assertThat(fixture.dropped("out", RtpDrop.NO_PEER)).isEqualTo(1);
        assertThat(leg.statistics().jitterMillis()).isEqualTo(-1);
        assertThat(leg.statistics().roundTripMillis()).isEqualTo(-1);
        leg.close();
    }
}
