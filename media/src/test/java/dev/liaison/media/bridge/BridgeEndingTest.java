package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.bridge.FakeLegs.FakeLeg;
import dev.liaison.media.leg.LegEndReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bridges end on their own (silence, a leg that ends) and on close, releasing both legs once. */
class BridgeEndingTest {
    private final BridgeFixture f = new BridgeFixture();

    @AfterEach
    void nothingLeaks() {
        f.bridges.openIds().forEach(f.bridges::close);
        f.assertNoLeak();
    }

    @Test
    void aBridgeWhosePeersStaySilentEndsWithInactivity() {
        String id = established("call-silent");
        f.clock.advance(Duration.ofSeconds(29));
        assertThat(f.bridges.sweepInactive()).isEmpty();

        f.clock.advance(Duration.ofSeconds(2));
        assertThat(f.bridges.sweepInactive()).containsExactly(id);

        assertThat(f.endings).containsExactly(id + " call-silent INACTIVITY");
        assertThat(f.counter(BridgeMetrics.ENDED, "reason", "INACTIVITY")).isEqualTo(1);
        assertThat(f.bridges.sweepInactive()).isEmpty();
        f.assertNoLeak();
    }

    @Test
    void mediaOnBothLegsKeepsTheBridgeOpenAndOneSilentSideEndsIt() {
        String id = established("call-talking");
        FakeLeg browser = f.legs.opened.get(0);
        FakeLeg phone = f.legs.opened.get(1);
        f.clock.advance(Duration.ofSeconds(20));
        browser.receiveRtp(Rtp.packet(0, false, 1, 160, 1, new byte[160]));
        phone.receiveRtp(Rtp.packet(0, false, 1, 160, 2, new byte[160]));
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(f.bridges.sweepInactive()).isEmpty();

        browser.receiveRtp(Rtp.packet(0, false, 2, 320, 1, new byte[160]));
        f.clock.advance(Duration.ofSeconds(11));
        assertThat(f.bridges.sweepInactive())
                .as("the phone has been silent for 31 s")
                .containsExactly(id);
    }

    @Test
    void aSideOnHoldThatSendsNothingIsNotInactive() {
        String id = established("call-hold");
        f.bridges.offer(
                id,
                BridgeSide.A,
                LegProfile.WEBRTC,
                LegProfile.RTP,
                Sdps.browserOffer(Sdps.BROWSER_AUDIO_FORMATS, Sdps.BROWSER_AUDIO_MAPS, true, "inactive"));
        f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phone("0", "a=rtpmap:0 PCMU/8000\n", "inactive"));

        f.clock.advance(Duration.ofMinutes(5));
        assertThat(f.bridges.sweepInactive()).isEmpty();
        assertThat(f.bridges.openCount()).isEqualTo(1);
    }

    @Test
    void aLegThatEndsEndsItsBridge() {
        String id = established("call-gone");

        f.legs.opened.get(0).end(LegEndReason.CONSENT_EXPIRED);

        assertThat(f.endings).containsExactly(id + " call-gone CONSENT_EXPIRED");
        f.assertNoLeak();
        f.legs.opened.get(1).end(LegEndReason.TRANSPORT_FAILED);
        assertThat(f.endings).as("reported once").hasSize(1);
    }

    @Test
    void closeIsIdempotentAndClosesBothLegs() {
        String id = established("call-close");
        assertThat(f.openGauge()).isEqualTo(1);

        f.bridges.close(id);
        f.bridges.close(id);
        f.bridges.close("never-opened");
        f.bridges.close(null);

        assertThat(f.legs.opened).hasSize(2).allSatisfy(leg -> assertThat(leg.closeCalls)
                .isEqualTo(1));
        assertThat(f.endings).as("close is not an ending to report").isEmpty();
        f.legs.opened.get(0).receiveRtp(Rtp.packet(0, false, 1, 160, 1, new byte[160]));
        assertThat(f.dropped(RelayDrop.CLOSED)).isEqualTo(1);
        f.assertNoLeak();
    }

    @Test
    void aBridgeClosedBeforeAnyOfferHasNoLegs() {
        String id = f.bridges.open("call-empty");
        f.bridges.close(id);
        assertThat(f.legs.opened).isEmpty();
        f.assertNoLeak();
    }

    private String established(String call) {
        String id = f.bridges.open(call);
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        return id;
    }
}
