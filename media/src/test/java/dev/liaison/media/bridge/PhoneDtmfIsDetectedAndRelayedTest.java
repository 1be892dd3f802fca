package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.bridge.FakeLegs.FakeLeg;
import dev.liaison.media.codec.TelephoneEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A phone's RFC 4733 keys on a bridge: reported once to the bridge's {@link DtmfListener} with the side that sent them,
 * and still relayed to the browser as before. A key whose end packets were lost is reported on
 * the bridge's timer; closing the bridge calls its timeout off.
 */
class PhoneDtmfIsDetectedAndRelayedTest {
    private static final int PHONE_EVENT = 101;
    private static final long PHONE_SSRC = 0xCAFE;

    private final BridgeFixture f = new BridgeFixture();
    private String id;

    @AfterEach
    void nothingLeaks() {
        f.bridges.openIds().forEach(f.bridges::close);
        f.assertNoLeak();
    }

    @Test
    void aPhoneKeyIsReportedOnceAndTheEventStillReachesTheBrowser() {
        browserToPhone();
        FakeLeg browser = f.legs.opened.get(0);
        FakeLeg phone = f.legs.opened.get(1);

        phone.receiveRtp(Rtp.packet(PHONE_EVENT, true, 10, 8000, PHONE_SSRC, event(6, false, 400)));
        f.clock.advance(Duration.ofMillis(50));
        for (int i = 0; i < 3; i++) {
            phone.receiveRtp(Rtp.packet(PHONE_EVENT, false, 11 + i, 8000, PHONE_SSRC, event(6, true, 800)));
        }

        assertThat(f.keys).containsExactly(id + " call B " + new ReceivedDtmf('6', 100, 10, true));
        assertThat(browser.rtpSent)
                .as("the four packets relayed to the browser")
                .hasSize(4);
        TelephoneEvent relayed = TelephoneEvent.decode(Rtp.payload(browser.rtpSent.get(3)));
        assertThat(relayed.event()).isEqualTo(6);
        assertThat(relayed.duration())
                .as("the browser took telephone-event/8000: passed through")
                .isEqualTo(800);
        assertThat(f.counter(BridgeMetrics.DTMF_RECEIVED, "outcome", "detected"))
                .isEqualTo(1);
    }

    @Test
    void aKeyWhoseEndPacketsWereLostIsReportedOnTheBridgesTimer() {
        browserToPhone();
        FakeLeg phone = f.legs.opened.get(1);

        phone.receiveRtp(Rtp.packet(PHONE_EVENT, true, 10, 8000, PHONE_SSRC, event(3, false, 400)));
        assertThat(f.keys).isEmpty();
        f.timer.runAll();

        assertThat(f.keys).containsExactly(id + " call B " + new ReceivedDtmf('3', 50, 10, false));
    }

    @Test
    void closingTheBridgeCallsTheTimeoutOff() {
        browserToPhone();
        FakeLeg phone = f.legs.opened.get(1);
        phone.receiveRtp(Rtp.packet(PHONE_EVENT, true, 10, 8000, PHONE_SSRC, event(3, false, 400)));
        assertThat(f.timer.waiting()).isEqualTo(1);

        f.bridges.close(id);

        assertThat(f.timer.waiting()).isZero();
        assertThat(f.keys).isEmpty();
    }

    @Test
    void aMalformedEventIsCountedAndStillHandedOnAsBefore() {
        browserToPhone();
        FakeLeg phone = f.legs.opened.get(1);

        phone.receiveRtp(Rtp.packet(PHONE_EVENT, true, 10, 8000, PHONE_SSRC, new byte[] {1, 2}));

        assertThat(f.keys).isEmpty();
        assertThat(f.counter(BridgeMetrics.DTMF_RECEIVED, "outcome", "malformed"))
                .isEqualTo(1);
    }

    private void browserToPhone() {
        id = f.bridges.open("call");
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
    }

    private static byte[] event(int code, boolean end, int duration) {
        return new TelephoneEvent(code, end, 10, duration).encode();
    }
}
