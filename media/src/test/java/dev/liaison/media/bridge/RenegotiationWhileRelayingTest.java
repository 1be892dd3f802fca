package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.bridge.FakeLegs.FakeLeg;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Re-offers on the signaling thread while a leg's thread relays: no failure, and the numbers never go back. */
class RenegotiationWhileRelayingTest {
    private final BridgeFixture f = new BridgeFixture();

    @Test
    void holdAndResumeDuringMediaKeepTheOutboundNumbersMovingForward() throws InterruptedException {
        String id = f.bridges.open("call");
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        FakeLeg browser = f.legs.opened.get(0);
        FakeLeg phone = f.legs.opened.get(1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread media = new Thread(
                () -> {
                    try {
                        for (int seq = 0; running.get() && seq < 20_000; seq++) {
                            browser.receiveRtp(Rtp.packet(0, false, seq & 0xFFFF, 160L * seq, 0x99, new byte[160]));
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "fake-leg-receiver");
        media.start();
        try {
            for (int i = 0; i < 40; i++) {
                String direction = i % 2 == 0 ? "sendonly" : "sendrecv";
                f.bridges.offer(
                        id,
                        BridgeSide.A,
                        LegProfile.WEBRTC,
                        LegProfile.RTP,
                        Sdps.browserOffer(Sdps.BROWSER_AUDIO_FORMATS, Sdps.BROWSER_AUDIO_MAPS, true, direction));
                f.bridges.answer(
                        id,
                        BridgeSide.B,
                        LegProfile.RTP,
                        Sdps.phone(
                                "0 101",
                                "a=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n",
                                i % 2 == 0 ? "recvonly" : "sendrecv"));
            }
        } finally {
            running.set(false);
            media.join(10_000);
        }

        assertThat(media.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(f.dropped(RelayDrop.RELAY_FAILED)).isZero();
        assertThat(phone.rtpSent).isNotEmpty();
        for (int i = 1; i < phone.rtpSent.size(); i++) {
            int step = (Rtp.seq(phone.rtpSent.get(i)) - Rtp.seq(phone.rtpSent.get(i - 1))) & 0xFFFF;
            assertThat(step).as("packet %d", i).isBetween(1, 0x7FFF);
        }
        assertThat(phone.rtpSent).extracting(Rtp::ssrc).containsOnly(Rtp.ssrc(phone.rtpSent.get(0)));
        assertThat(f.legs.opened).hasSize(2);
        f.bridges.close(id);
        f.assertNoLeak();
    }
}
