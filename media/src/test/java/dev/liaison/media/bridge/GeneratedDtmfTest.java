package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.bridge.FakeLegs.FakeLeg;
import dev.liaison.media.bridge.MediaRefusedException.Reason;
import dev.liaison.media.codec.TelephoneEvent;
import dev.liaison.media.leg.LegStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DTMF the broker makes itself ({@link MediaBridges#dtmf}): RFC 4733 telephone events in the RTP stream towards one
 * side, with that side's negotiated payload type, spaced by the (manual) timer, one digit after the other; refused
 * with a typed reason when the side cannot take them.
 */
class GeneratedDtmfTest {
    private static final int PCMU = 0;
    private static final int PHONE_EVENT = 101;

    private final BridgeFixture f = new BridgeFixture();
    private String id;

    @AfterEach
    void nothingLeaks() {
        f.bridges.openIds().forEach(f.bridges::close);
        f.assertNoLeak();
    }

    @Test
    void aDigitBecomesOneEventWithMarkerUpdatesEvery50MsAndThreeEndPackets() {
        browserToPhone(Sdps.phonePcmu());
        FakeLeg browser = f.legs.opened.get(0);
        FakeLeg phone = f.legs.opened.get(1);
        for (int i = 0; i < 3; i++) {
            browser.receiveRtp(Rtp.packet(PCMU, false, 100 + i, 160L * i, 0x1234, new byte[160]));
            f.clock.advance(Duration.ofMillis(20));
        }
        byte[] lastAudio = phone.rtpSent.get(2);
        phone.rtpSent.clear();

        f.bridges.dtmf(id, BridgeSide.B, '7', 160);
        assertThat(phone.rtpSent).as("nothing before the first interval").isEmpty();
        f.timer.runAll();

        List<TelephoneEvent> events = new ArrayList<>();
        for (byte[] p : phone.rtpSent) {
            assertThat(Rtp.pt(p)).isEqualTo(PHONE_EVENT);
            assertThat(Rtp.ssrc(p)).as("the broker's audio SSRC").isEqualTo(Rtp.ssrc(lastAudio));
            assertThat(Rtp.ts(p))
                    .as("one timestamp, where the audio timeline is when the event starts")
                    .isEqualTo(Rtp.ts(lastAudio) + 160);
            events.add(TelephoneEvent.decode(Rtp.payload(p)));
        }
        assertThat(phone.rtpSent).extracting(Rtp::marker).containsExactly(true, false, false, false, false, false);
        assertThat(phone.rtpSent)
                .extracting(Rtp::seq)
                .containsExactly(
                        seqAfter(lastAudio, 1),
                        seqAfter(lastAudio, 2),
                        seqAfter(lastAudio, 3),
                        seqAfter(lastAudio, 4),
                        seqAfter(lastAudio, 5),
                        seqAfter(lastAudio, 6));
        assertThat(events).extracting(TelephoneEvent::event).containsOnly(7);
        assertThat(events).extracting(TelephoneEvent::duration).containsExactly(400, 800, 1200, 1280, 1280, 1280);
        assertThat(events).extracting(TelephoneEvent::end).containsExactly(false, false, false, true, true, true);
        assertThat(f.timer.delays)
                .as("updates every 50 ms, the end when the key is released (160 ms), repeated every 50 ms, then a gap")
                .containsExactly(50L, 50L, 50L, 10L, 50L, 50L, 50L);
        assertThat(f.counter(BridgeMetrics.DTMF_PACKETS)).isEqualTo(6);
        assertThat(f.counter(BridgeMetrics.DTMF_DIGITS, "outcome", "played")).isEqualTo(1);

        browser.receiveRtp(Rtp.packet(PCMU, false, 103, 480, 0x1234, new byte[160]));
        assertThat(Rtp.seq(phone.rtpSent.get(6)))
                .as("the audio after the event numbered on, no sequence number used twice")
                .isEqualTo(seqAfter(lastAudio, 7));
        assertThat(Rtp.ts(phone.rtpSent.get(6))).isEqualTo(Rtp.ts(lastAudio) + 160);
    }

    @Test
    void digitsAskedForWhileOnePlaysFollowInOrderEachItsOwnEvent() {
        browserToPhone(Sdps.phonePcmu());
        FakeLeg phone = f.legs.opened.get(1);

        f.bridges.dtmf(id, BridgeSide.B, '1', 40);
        f.bridges.dtmf(id, BridgeSide.B, '#', 40);
        f.bridges.dtmf(id, BridgeSide.B, 'd', 40);
        assertThat(f.bridges.dtmfPending(id, BridgeSide.B)).isEqualTo(3);
        f.timer.runAll();

        assertThat(phone.rtpSent).hasSize(9);
        List<Integer> codes = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        for (int i = 0; i < 9; i += 3) {
            byte[] first = phone.rtpSent.get(i);
            assertThat(Rtp.marker(first)).isTrue();
            codes.add(TelephoneEvent.decode(Rtp.payload(first)).event());
            timestamps.add(Rtp.ts(first));
            for (int j = i; j < i + 3; j++) {
                TelephoneEvent e = TelephoneEvent.decode(Rtp.payload(phone.rtpSent.get(j)));
                assertThat(e.end())
                        .as("40 ms: shorter than one interval, end packets only")
                        .isTrue();
                assertThat(e.duration()).isEqualTo(320);
                assertThat(Rtp.ts(phone.rtpSent.get(j))).isEqualTo(Rtp.ts(first));
            }
        }
        assertThat(codes).containsExactly(1, 11, 15);
        assertThat(timestamps.get(1) - timestamps.get(0))
                .as("the next event starts after the last end packet and the gap: 40 + 100 + 50 ms at 8 kHz")
                .isEqualTo(8 * 190);
        assertThat(f.bridges.dtmfPending(id, BridgeSide.B)).isZero();
    }

    @Test
    void towardsTheBrowserTheEventsTakeItsPayloadTypeAndClock() {
        id = f.bridges.open("call");
        f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, Sdps.phonePcmu());
        String toBrowser = f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, Sdps.phonePcmu());
        assertThat(toBrowser).contains("telephone-event/8000");
        f.bridges.answer(
                id,
                BridgeSide.B,
                LegProfile.WEBRTC,
                Sdps.browserAnswer("0 126", "a=rtpmap:0 PCMU/8000\na=rtpmap:126 telephone-event/8000\n", null, null));
        FakeLeg browser = f.legs.opened.get(1);

        f.bridges.dtmf(id, BridgeSide.B, '*', 100);
        f.timer.runAll();

        assertThat(browser.rtpSent).isNotEmpty().allSatisfy(p -> assertThat(Rtp.pt(p))
                .isEqualTo(126));
        TelephoneEvent last = TelephoneEvent.decode(Rtp.payload(browser.rtpSent.get(browser.rtpSent.size() - 1)));
        assertThat(last.event()).isEqualTo(10);
        assertThat(last.duration()).isEqualTo(800);
    }

    @Test
    void aSideWithoutTelephoneEventIsRefusedWithItsOwnReason() {
        browserToPhone(Sdps.phone("0", "a=rtpmap:0 PCMU/8000\n", "sendrecv"));

        assertThatThrownBy(() -> f.bridges.dtmf(id, BridgeSide.B, '5', 100))
                .isInstanceOf(MediaRefusedException.class)
                .satisfies(e -> assertThat(((MediaRefusedException) e).reason()).isEqualTo(Reason.NO_TELEPHONE_EVENT));
        assertThat(f.legs.opened.get(1).rtpSent).isEmpty();
        assertThat(f.counter(BridgeMetrics.DTMF_DIGITS, "outcome", "refused")).isEqualTo(1);
    }

    @Test
    void noAnswerYetOnHoldOrALegNotConnectedIsMediaNotFlowing() {
        id = f.bridges.open("call");
        assertRefused('1', Reason.MEDIA_NOT_FLOWING);
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        assertRefused('1', Reason.MEDIA_NOT_FLOWING);

        f.bridges.answer(
                id,
                BridgeSide.B,
                LegProfile.RTP,
                Sdps.phone("0 101", "a=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n", "sendonly"));
        assertRefused('1', Reason.MEDIA_NOT_FLOWING); // the phone holds: it receives nothing

        String resume = Sdps.phonePcmu();
        f.bridges.offer(id, BridgeSide.B, LegProfile.RTP, LegProfile.WEBRTC, resume);
        f.bridges.answer(
                id,
                BridgeSide.A,
                LegProfile.WEBRTC,
                Sdps.browserAnswer("0 126", "a=rtpmap:0 PCMU/8000\na=rtpmap:126 telephone-event/8000\n", null, null));
        f.legs.opened.get(1).ready = false;
        assertRefused('1', Reason.MEDIA_NOT_FLOWING);
        f.legs.opened.get(1).ready = true;
        f.bridges.dtmf(id, BridgeSide.B, '1', 100);
        f.timer.runAll();
        assertThat(f.legs.opened.get(1).rtpSent).isNotEmpty();
    }

    @Test
    void badDigitsDurationsAndUnknownBridgesAreRefusedAndNothingIsSent() {
        browserToPhone(Sdps.phonePcmu());

        assertThatThrownBy(() -> f.bridges.dtmf(id, BridgeSide.B, 'x', 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a DTMF digit");
        assertThatThrownBy(() -> f.bridges.dtmf(id, BridgeSide.B, '1', 39))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40..5000");
        assertThatThrownBy(() -> f.bridges.dtmf(id, BridgeSide.B, '1', 5001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.bridges.dtmf("bridge-nope", BridgeSide.B, '1', 100))
                .isInstanceOf(MediaRefusedException.class)
                .satisfies(e -> assertThat(((MediaRefusedException) e).reason()).isEqualTo(Reason.UNKNOWN_BRIDGE));
        assertThat(f.timer.waiting()).isZero();
        assertThat(f.legs.opened.get(1).rtpSent).isEmpty();
    }

    @Test
    void theQueueIsBoundedAndClosingTheBridgeCutsWhatIsPlayingOrWaiting() {
        browserToPhone(Sdps.phonePcmu());
        for (int i = 0; i < DtmfPlayer.MAX_QUEUED + 1; i++) { // one plays, the others wait
            f.bridges.dtmf(id, BridgeSide.B, '9', 100);
        }
        assertRefused('9', Reason.UNAVAILABLE);
        f.timer.runNext(); // the first digit's first packet
        assertThat(f.legs.opened.get(1).rtpSent).hasSize(1);

        f.bridges.close(id);

        assertThat(f.timer.waiting()).as("the next packet is called off").isZero();
        assertThat(f.counter(BridgeMetrics.DTMF_DIGITS, "outcome", "cut")).isEqualTo(DtmfPlayer.MAX_QUEUED + 1);
        assertThat(f.legs.opened.get(1).rtpSent).hasSize(1);
    }

    @Test
    void aRenegotiationThatDropsTelephoneEventCutsTheDigitPlaying() {
        browserToPhone(Sdps.phonePcmu());
        FakeLeg phone = f.legs.opened.get(1);
        f.bridges.dtmf(id, BridgeSide.B, '3', 500);
        f.bridges.dtmf(id, BridgeSide.B, '4', 500);
        f.timer.runNext();
        assertThat(phone.rtpSent).hasSize(1);

        f.bridges.offer(
                id,
                BridgeSide.B,
                LegProfile.RTP,
                LegProfile.WEBRTC,
                Sdps.phone("0", "a=rtpmap:0 PCMU/8000\n", "sendrecv"));
        f.bridges.answer(
                id, BridgeSide.A, LegProfile.WEBRTC, Sdps.browserAnswer("0", "a=rtpmap:0 PCMU/8000\n", null, null));
        f.timer.runAll();

        assertThat(phone.rtpSent)
                .as("no packet with a payload type the phone no longer takes")
                .hasSize(1);
        assertThat(f.counter(BridgeMetrics.DTMF_DIGITS, "outcome", "cut")).isEqualTo(2);
        assertThat(f.bridges.dtmfPending(id, BridgeSide.B)).isZero();
    }

    @Test
    void statisticsGiveEachSidesLegCountersAndNoLegBeforeItOpens() {
        id = f.bridges.open("call-7");
        BridgeStatistics none = f.bridges.statistics(id);
        assertThat(none.bridgeId()).isEqualTo(id);
        assertThat(none.callId()).isEqualTo("call-7");
        assertThat(none.a()).isEqualTo(BridgeStatistics.NO_LEG);
        assertThat(none.b().packetsLost()).isEqualTo(-1);

        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        BridgeStatistics open = f.bridges.statistics(id);
        assertThat(open.side(BridgeSide.A)).isEqualTo(LegStatistics.NONE);
        assertThat(open.side(BridgeSide.B)).isEqualTo(LegStatistics.NONE);
        assertThatThrownBy(() -> f.bridges.statistics("bridge-nope")).isInstanceOf(MediaRefusedException.class);
    }

    private void assertRefused(char digit, Reason reason) {
        assertThatThrownBy(() -> f.bridges.dtmf(id, BridgeSide.B, digit, 100))
                .isInstanceOf(MediaRefusedException.class)
                .satisfies(e -> assertThat(((MediaRefusedException) e).reason()).isEqualTo(reason));
    }

    private void browserToPhone(String phoneAnswer) {
        id = f.bridges.open("call");
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, phoneAnswer);
    }

    private static int seqAfter(byte[] packet, int n) {
        return (Rtp.seq(packet) + n) & 0xFFFF;
    }
}
