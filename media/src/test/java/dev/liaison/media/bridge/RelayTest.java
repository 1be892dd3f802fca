package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.bridge.FakeLegs.FakeLeg;
import dev.liaison.media.codec.AudioPacket;
import dev.liaison.media.codec.CodecException;
import dev.liaison.media.codec.DtmfEventGenerator;
import dev.liaison.media.codec.G711;
import dev.liaison.media.codec.OpusCodec;
import dev.liaison.media.codec.TelephoneEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Media between the legs: passed through with the broker's numbers, transcoded, DTMF, RTCP kept at each leg. */
class RelayTest {
    private final BridgeFixture f = new BridgeFixture();
    private String id;
    private String offerToB;

    @AfterEach
    void nothingLeaks() {
        f.bridges.openIds().forEach(f.bridges::close);
        f.assertNoLeak();
    }

    @Test
    void passThroughRewritesPayloadTypeAndSsrcAndKeepsSequenceAcrossASourceSsrcChange() {
        browserToBrowser(Sdps.browserAnswer("109", "a=rtpmap:109 opus/48000/2\n", null, null), false);
        FakeLeg a = f.legs.opened.get(0);
        FakeLeg b = f.legs.opened.get(1);
        byte[] opus = {1, 2, 3, 4, 5};

        for (int i = 0; i < 4; i++) { // across the sequence wrap
            a.receiveRtp(Rtp.withExtension(111, 65534 + i, 1000 + 960L * i, 0xAAAA, opus));
        }
        f.clock.advance(java.time.Duration.ofMillis(40));
        for (int i = 0; i < 3; i++) { // the browser restarts its stream with a new SSRC and new numbers
            a.receiveRtp(Rtp.packet(111, i == 0, 500 + i, 777_000 + 960L * i, 0xBBBB, opus));
        }

        assertThat(b.rtpSent).hasSize(7);
        long brokerSsrc = Long.parseLong(Sdps.media(offerToB, 0).ssrcs().get(0).split(" ")[0]);
        int first = Rtp.seq(b.rtpSent.get(0));
        for (int i = 0; i < 7; i++) {
            byte[] p = b.rtpSent.get(i);
            assertThat(Rtp.pt(p)).isEqualTo(109);
            assertThat(Rtp.ssrc(p)).isEqualTo(brokerSsrc).isNotIn(0xAAAAL, 0xBBBBL);
            assertThat(Rtp.seq(p)).isEqualTo((first + i) & 0xFFFF);
            assertThat(Rtp.payload(p)).as("extension stripped, payload kept").containsExactly(opus);
            if (i > 0) {
                assertThat((Rtp.ts(p) - Rtp.ts(b.rtpSent.get(i - 1))) & 0xFFFFFFFFL)
                        .isBetween(960L, 48_000L * 40 / 1000 + 960);
            }
        }
        assertThat(Rtp.marker(b.rtpSent.get(4))).isTrue();

        b.receiveRtp(Rtp.packet(109, false, 9, 9, 0x4242, opus));
        assertThat(a.rtpSent).singleElement().satisfies(p -> assertThat(Rtp.pt(p))
                .isEqualTo(111));
        assertThat(f.counter(BridgeMetrics.RELAYED, "mode", "pass-through")).isEqualTo(8);
    }

    @Test
    void aToneTranscodedBetweenOpusAndPcmuSurvivesBothWays() throws CodecException {
        browserOpusOnlyToPhone();
        FakeLeg browser = f.legs.opened.get(0);
        FakeLeg phone = f.legs.opened.get(1);

        OpusCodec encoder = new OpusCodec();
        for (int i = 0; i < 50; i++) {
            byte[] frame = encoder.encode(Tones.sine(1000, 48_000, 960, 8000, i * 960));
            browser.receiveRtp(Rtp.packet(111, i == 0, 100 + i, 960L * i, 0x1234, frame));
        }
        assertThat(phone.rtpSent).hasSize(50);
        short[] heard = new short[0];
        for (int i = 0; i < phone.rtpSent.size(); i++) {
            byte[] p = phone.rtpSent.get(i);
            assertThat(Rtp.pt(p)).isZero();
            assertThat(Rtp.payload(p)).hasSize(160);
            if (i > 0) {
                assertThat(Rtp.seq(p) - Rtp.seq(phone.rtpSent.get(i - 1)) & 0xFFFF)
                        .isEqualTo(1);
                assertThat(Rtp.ts(p) - Rtp.ts(phone.rtpSent.get(i - 1))).isEqualTo(160);
            }
            heard = Tones.concat(heard, G711.PCMU.decode(Rtp.payload(p)));
        }
        assertThat(Tones.fractionAt(heard, 1600, 1000, 8000)).isGreaterThan(0.9);

        for (int i = 0; i < 50; i++) {
            byte[] pcmu = G711.PCMU.encode(Tones.sine(1000, 8000, 160, 8000, i * 160));
            phone.receiveRtp(Rtp.packet(0, false, 7 + i, 160L * i, 0x5678, pcmu));
        }
        assertThat(browser.rtpSent).hasSizeGreaterThanOrEqualTo(45);
        OpusCodec decoder = new OpusCodec();
        short[] browserHeard = new short[0];
        for (byte[] p : browser.rtpSent) {
            assertThat(Rtp.pt(p)).isEqualTo(111);
            browserHeard = Tones.concat(browserHeard, decoder.decode(Rtp.payload(p)));
        }
        assertThat(Tones.fractionAt(browserHeard, 9600, 1000, 48_000)).isGreaterThan(0.9);
        assertThat(f.counter(BridgeMetrics.RELAYED, "mode", "transcode")).isEqualTo(50 + browser.rtpSent.size());
    }

    @Test
    void dtmfFromTheBrowserIsRescaledToThePhonesClock() throws CodecException {
        browserOpusOnlyToPhone();
        FakeLeg browser = f.legs.opened.get(0);
        FakeLeg phone = f.legs.opened.get(1);
        OpusCodec encoder = new OpusCodec();
        for (int i = 0; i < 5; i++) {
            browser.receiveRtp(Rtp.packet(111, false, i, 960L * i, 0x1234, encoder.encode(new short[960])));
        }
        long lastAudioTs = Rtp.ts(phone.rtpSent.get(4));
        int lastAudioSeq = Rtp.seq(phone.rtpSent.get(4));
        phone.rtpSent.clear();

        List<AudioPacket> key = new DtmfEventGenerator(110, 48_000, 20).generate('5', 100, 5, 960L * 5);
        for (AudioPacket p : key) {
            browser.receiveRtp(Rtp.packet(110, p.marker(), p.sequence(), p.timestamp(), 0x1234, p.payload()));
        }

        assertThat(phone.rtpSent).hasSize(key.size());
        List<TelephoneEvent> events = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            byte[] p = phone.rtpSent.get(i);
            assertThat(Rtp.pt(p)).isEqualTo(101);
            assertThat(Rtp.ts(p))
                    .as("the event's timestamp, on the phone's clock")
                    .isEqualTo(lastAudioTs + 160);
            assertThat(Rtp.seq(p)).isEqualTo((lastAudioSeq + 1 + i) & 0xFFFF);
            events.add(TelephoneEvent.decode(Rtp.payload(p)));
        }
        assertThat(Rtp.marker(phone.rtpSent.get(0))).isTrue();
        assertThat(events).allSatisfy(e -> assertThat(e.event()).isEqualTo(5));
        assertThat(events.get(events.size() - 1).end()).isTrue();
        assertThat(events.get(events.size() - 1).duration()).isEqualTo(800); // 100 ms at 8 kHz
        assertThat(events.get(0).duration()).isEqualTo(160);
    }

    @Test
    void dtmfFromThePhoneInAPassThroughCallKeepsItsSequenceSpaceWithTheBrowsersPayloadType() {
        String call = f.bridges.open("call");
        f.bridges.offer(call, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        f.bridges.answer(call, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        FakeLeg browser = f.legs.opened.get(0);
        FakeLeg phone = f.legs.opened.get(1);

        phone.receiveRtp(Rtp.packet(0, false, 10, 1600, 0x77, new byte[160]));
        List<AudioPacket> key = new DtmfEventGenerator(101, 8000, 20).generate('#', 60, 11, 1760);
        for (AudioPacket p : key) {
            phone.receiveRtp(Rtp.packet(101, p.marker(), p.sequence(), p.timestamp(), 0x77, p.payload()));
        }

        assertThat(browser.rtpSent).hasSize(1 + key.size());
        int first = Rtp.seq(browser.rtpSent.get(0));
        for (int i = 1; i < browser.rtpSent.size(); i++) {
            byte[] p = browser.rtpSent.get(i);
            assertThat(Rtp.pt(p)).isEqualTo(126);
            assertThat(Rtp.seq(p)).isEqualTo((first + i) & 0xFFFF);
            assertThat(Rtp.ts(p)).isEqualTo(Rtp.ts(browser.rtpSent.get(0)) + 160);
            assertThat(TelephoneEvent.decode(Rtp.payload(p)).event()).isEqualTo(11);
        }
    }

    @Test
    void rtcpReportsStayAtTheLegButVideoFeedbackReachesTheSource() {
        browserToBrowser(
                Sdps.browserAnswer("111", "a=rtpmap:111 opus/48000/2\n", "96", "a=rtpmap:96 VP8/90000\n"), true);
        FakeLeg a = f.legs.opened.get(0);
        FakeLeg b = f.legs.opened.get(1);

        byte[] receiverReport = rtcp(201, 1, 32, 0x4242, 0xDEAD);
        b.receiveRtcp(receiverReport);
        assertThat(a.rtcpSent).isEmpty();
        assertThat(f.dropped(RelayDrop.RTCP_TERMINATED)).isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            a.receiveRtp(Rtp.packet(96, false, 3000 + i, 90_000L * i, 1111111111L, new byte[] {9, 9}));
        }
        long brokerVideoSsrcOnB =
                Long.parseLong(Sdps.media(offerToB, 1).ssrcs().get(0).split(" ")[0]);
        int brokerSeq = Rtp.seq(b.rtpSent.get(1));

        byte[] pli = rtcp(206, 1, 12, 0x4343, brokerVideoSsrcOnB);
        byte[] nack = rtcp(205, 1, 16, 0x4343, brokerVideoSsrcOnB);
        nack[12] = (byte) (brokerSeq >> 8);
        nack[13] = (byte) brokerSeq;
        byte[] compound = concat(receiverReport, concat(pli, nack));
        b.receiveRtcp(compound);

        assertThat(a.rtcpSent).singleElement().satisfies(p -> {
            assertThat(p).hasSize(28);
            assertThat(p[1] & 0xFF).isEqualTo(206);
            assertThat(Rtp.u32(p, 8)).as("PLI media source").isEqualTo(1111111111L);
            assertThat(Rtp.u32(p, 4))
                    .as("sender: the broker, not the other browser")
                    .isNotEqualTo(0x4343L);
            assertThat(p[13] & 0xFF).isEqualTo(205);
            assertThat(Rtp.u32(p, 12 + 8)).isEqualTo(1111111111L);
            assertThat(((p[24] & 0xFF) << 8) | (p[25] & 0xFF))
                    .as("NACK of the source's sequence")
                    .isEqualTo(3001);
        });
        assertThat(f.counter(BridgeMetrics.RTCP_FORWARDED)).isEqualTo(1);

        b.receiveRtcp(rtcp(206, 1, 12, 0x4343, 0x999));
        assertThat(a.rtcpSent).hasSize(1);
        assertThat(f.dropped(RelayDrop.RTCP_FEEDBACK_UNMAPPED)).isEqualTo(1);
    }

    @Test
    void nothingIsRelayedBeforeTheAnswerOrToALegThatIsNotReadyOrOnHold() {
        String call = f.bridges.open("call");
        f.bridges.offer(call, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        FakeLeg browser = f.legs.opened.get(0);
        FakeLeg phone = f.legs.opened.get(1);
        browser.receiveRtp(Rtp.packet(0, false, 1, 160, 5, new byte[160]));
        assertThat(f.dropped(RelayDrop.NOT_NEGOTIATED)).isEqualTo(1);

        f.bridges.answer(call, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        phone.ready = false;
        browser.receiveRtp(Rtp.packet(0, false, 2, 320, 5, new byte[160]));
        assertThat(f.dropped(RelayDrop.LEG_NOT_READY)).isEqualTo(1);

        phone.ready = true;
        browser.receiveRtp(Rtp.packet(96, false, 3, 480, 5, new byte[10]));
        browser.receiveRtp(new byte[] {(byte) 0x80, 0, 0});
        assertThat(f.dropped(RelayDrop.UNKNOWN_PAYLOAD_TYPE)).isEqualTo(1);
        assertThat(f.dropped(RelayDrop.MALFORMED_RTP)).isEqualTo(1);

        f.bridges.offer(
                call,
                BridgeSide.A,
                LegProfile.WEBRTC,
                LegProfile.RTP,
                Sdps.browserOffer(Sdps.BROWSER_AUDIO_FORMATS, Sdps.BROWSER_AUDIO_MAPS, true, "inactive"));
        f.bridges.answer(call, BridgeSide.B, LegProfile.RTP, Sdps.phone("0", "a=rtpmap:0 PCMU/8000\n", "inactive"));
        browser.receiveRtp(Rtp.packet(0, false, 4, 640, 5, new byte[160]));
        phone.receiveRtp(Rtp.packet(0, false, 4, 640, 6, new byte[160]));
        assertThat(f.dropped(RelayDrop.ON_HOLD)).isEqualTo(2);
        assertThat(phone.rtpSent).isEmpty();
        assertThat(browser.rtpSent).isEmpty();
    }

    private void browserToBrowser(String answer, boolean video) {
        id = f.bridges.open("call");
        String offer = video
                ? Sdps.browserOffer()
                : Sdps.browserOffer(Sdps.OPUS_ONLY_FORMATS, Sdps.OPUS_ONLY_MAPS, false, "sendrecv");
        offerToB = f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.WEBRTC, offer);
        f.bridges.answer(id, BridgeSide.B, LegProfile.WEBRTC, answer);
    }

    private void browserOpusOnlyToPhone() {
        id = f.bridges.open("call");
        offerToB = f.bridges.offer(
                id,
                BridgeSide.A,
                LegProfile.WEBRTC,
                LegProfile.RTP,
                Sdps.browserOffer(Sdps.OPUS_ONLY_FORMATS, Sdps.OPUS_ONLY_MAPS, false, "sendrecv"));
        f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
    }

    /** An RTCP packet of {@code size} bytes: header, sender SSRC, then media SSRC (zeros after). */
    private static byte[] rtcp(int type, int format, int size, long sender, long media) {
        byte[] p = new byte[size];
        p[0] = (byte) (0x80 | format);
        p[1] = (byte) type;
        p[2] = (byte) ((size / 4 - 1) >> 8);
        p[3] = (byte) (size / 4 - 1);
        for (int i = 0; i < 4; i++) {
            p[4 + i] = (byte) (sender >> (24 - 8 * i));
            if (size >= 12) {
                p[8 + i] = (byte) (media >> (24 - 8 * i));
            }
        }
        return p;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
