package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.codec.TelephoneEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The keys read from RFC 4733 telephone-events a leg sends: one key per event (one timestamp), reported once at its end
 * packet, or when the end packets were lost at the next event or after the timeout (on the manual timer); retransmitted
 * ends and duplicates ignored; malformed payloads counted. At 8 kHz (a phone) and 48 kHz (a browser).
 */
class TelephoneEventDetectorTest {
    private static final long SSRC = 0x5EED;
    private static final int PHONE = 8000;
    private static final int BROWSER = 48000;

    private final TestClock clock = new TestClock();
    private final ManualTimer timer = new ManualTimer(clock);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<ReceivedDtmf> keys = new ArrayList<>();
    private final TelephoneEventDetector detector =
            new TelephoneEventDetector(clock, timer, new BridgeMetrics(registry, () -> 0), keys::add);

    @AfterEach
    void noTimeoutLeftWaiting() {
        detector.close();
        assertThat(timer.waiting()).as("timeouts waiting").isZero();
    }

    @Test
    void aKeyIsReportedOnceAtItsFirstEndPacketWithItsDurationAndVolume() {
        sendKey(5, 1000, PHONE, 10, 800); // 100 ms at 8 kHz

        assertThat(keys).containsExactly(new ReceivedDtmf('5', 100, 10, true));
        assertThat(outcome("detected")).isEqualTo(1);
    }

    @Test
    void theEndPacketSentThreeTimesIsOneKey() {
        send(1000, event(9, false, 400), PHONE);
        send(1000, event(9, true, 800), PHONE);
        send(1000, event(9, true, 800), PHONE);
        send(1000, event(9, true, 800), PHONE);

        assertThat(keys).containsExactly(new ReceivedDtmf('9', 100, 10, true));
        assertThat(timer.waiting()).as("no timeout left once the key ended").isZero();
    }

    @Test
    void aLatePacketOfAnEndedKeyIsIgnored() {
        send(1000, event(1, true, 800), PHONE);
        send(1000, event(1, false, 400), PHONE); // reordered: an update after the end

        assertThat(keys).extracting(ReceivedDtmf::digit).containsExactly('1');
    }

    @Test
    void aKeyWhoseEndPacketsWereLostIsReportedWhenTheNextEventStarts() {
        send(1000, event(4, false, 400), PHONE);
        send(1000, event(4, false, 800), PHONE);
        assertThat(keys).as("not yet: the end may still come").isEmpty();

        sendKey(2, 3000, PHONE, 10, 800);

        assertThat(keys).containsExactly(new ReceivedDtmf('4', 100, 10, false), new ReceivedDtmf('2', 100, 10, true));
        assertThat(outcome("end-lost")).isEqualTo(1);
        assertThat(outcome("detected")).isEqualTo(1);
    }

    @Test
    void aKeyWhoseEndPacketsWereLostIsReportedAfterTheTimeout() {
        send(1000, event(7, false, 400), PHONE);
        clock.advance(Duration.ofMillis(50));
        send(1000, event(7, false, 800), PHONE);

        timer.runAll();

        assertThat(keys).containsExactly(new ReceivedDtmf('7', 100, 10, false));
        assertThat(timer.delays)
                .as("one timeout per event")
                .containsExactly(TelephoneEventDetector.LOST_END_TIMEOUT_MILLIS);

        send(1000, event(7, true, 1200), PHONE); // the end finally comes: the key was reported already
        assertThat(keys).hasSize(1);
    }

    @Test
    void twoKeysInARowAreTwoEvents() {
        sendKey(1, 1000, PHONE, 10, 800);
        sendKey(2, 2600, PHONE, 10, 1200);

        assertThat(keys).containsExactly(new ReceivedDtmf('1', 100, 10, true), new ReceivedDtmf('2', 150, 10, true));
    }

    @Test
    void theSameKeyTwiceIsTwoKeysBecauseEachPressHasItsOwnTimestamp() {
        sendKey(11, 1000, PHONE, 10, 800);
        sendKey(11, 2600, PHONE, 10, 800);

        assertThat(keys).extracting(ReceivedDtmf::digit).containsExactly('#', '#');
    }

    @Test
    void anotherSourceRestartingAtTheSameTimestampIsANewKey() {
        sendKey(3, 1000, PHONE, 10, 800);
        send(SSRC + 1, 1000, event(3, true, 800), PHONE);

        assertThat(keys).extracting(ReceivedDtmf::digit).containsExactly('3', '3');
    }

    @Test
    void malformedPayloadsAreCountedAndIgnored() {
        detector.packet(SSRC, 1000, new byte[] {5, (byte) 0x80}, 0, 2, PHONE);
        detector.packet(SSRC, 1000, new byte[0], 0, 0, PHONE);

        assertThat(keys).isEmpty();
        assertThat(outcome("malformed")).isEqualTo(2);

        sendKey(5, 1000, PHONE, 10, 800);
        assertThat(keys).as("a good event afterwards is still heard").hasSize(1);
    }

    @Test
    void eventsThatAreNotKeysAreNotReported() {
        send(1000, event(16, true, 800), PHONE); // hook flash

        assertThat(keys).isEmpty();
        assertThat(outcome("not-dtmf")).isEqualTo(1);
        assertThat(timer.waiting()).isZero();
    }

    @Test
    void aBrowserKeyAt48KHzHasItsDurationInItsOwnClock() {
        sendKey(10, 96_000, BROWSER, 20, 4800); // 100 ms at 48 kHz

        assertThat(keys).containsExactly(new ReceivedDtmf('*', 100, 20, true));
    }

    @Test
    void theTimestampWrappingAroundIsJustAnotherEvent() {
        sendKey(12, 0xFFFF_FF00L, BROWSER, 10, 2400);
        sendKey(13, 0x100L, BROWSER, 10, 2400);

        assertThat(keys).extracting(ReceivedDtmf::digit).containsExactly('A', 'B');
    }

    @Test
    void aLongKeySplitIntoSegmentsIsOneKey() {
        // RFC 4733 2.5.1.3: at 48 kHz the duration field is full after 1.365 s; the next segment starts 0xFFFF later
        send(96_000, event(0, false, 0xFFFF), BROWSER);
        send(96_000 + 0xFFFF, event(0, false, 4800), BROWSER);
        send(96_000 + 0xFFFF, event(0, true, 9600), BROWSER);

        assertThat(keys).containsExactly(new ReceivedDtmf('0', (0xFFFF + 9600) * 1000 / BROWSER, 10, true));
    }

    @Test
    void afterCloseNothingIsReported() {
        send(1000, event(8, false, 400), PHONE);
        detector.close();
        send(1000, event(8, true, 800), PHONE);

        assertThat(keys).isEmpty();
    }

    /** An update every 50 ms, then the end packet three times. */
    private void sendKey(int code, long timestamp, int clockRate, int volume, int duration) {
        int step = clockRate / 20;
        for (int d = step; d < duration; d += step) {
            send(timestamp, new TelephoneEvent(code, false, volume, d).encode(), clockRate);
            clock.advance(Duration.ofMillis(50));
        }
        for (int i = 0; i < 3; i++) {
            send(timestamp, new TelephoneEvent(code, true, volume, duration).encode(), clockRate);
        }
    }

    private static byte[] event(int code, boolean end, int duration) {
        return new TelephoneEvent(code, end, 10, duration).encode();
    }

    private void send(long timestamp, byte[] payload, int clockRate) {
        send(SSRC, timestamp, payload, clockRate);
    }

    private void send(long ssrc, long timestamp, byte[] payload, int clockRate) {
        // the payload inside a larger buffer, as the relay hands it over
        byte[] packet = new byte[12 + payload.length];
        System.arraycopy(payload, 0, packet, 12, payload.length);
        detector.packet(ssrc, timestamp, packet, 12, payload.length, clockRate);
    }

    private double outcome(String tag) {
        Counter counter =
                registry.find(BridgeMetrics.DTMF_RECEIVED).tag("outcome", tag).counter();
        return counter == null ? 0 : counter.count();
    }
}
