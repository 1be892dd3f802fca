package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Streams whose payload type no SDP named get the rate their timestamps advance at, once two seconds of them are
 * seen; the static payload types of RFC 3551 and the negotiated ones need no guess.
 */
class ClockRateGuessesTest {
    private static final long MS = 1_000_000L;
    private static final int FALLBACK = 48_000;

    private final ClockRateGuesses guesses = new ClockRateGuesses();

    @Test
    void aVideoStreamIsCountedAtNinetyKilohertzOnceTwoSecondsOfItAreSeen() {
        int last = 0;
        for (int frame = 0; frame <= 90; frame++) { // 30 fps, 3000 units a frame, a few ms of arrival jitter
            long arrival = frame * 33_333_333L + (frame % 3) * 4 * MS;
            last = guesses.rate(7, 1_000_000 + frame * 3000L, arrival, FALLBACK);
            if (arrival < ClockRateGuesses.WINDOW_NANOS) {
                assertThat(last).isEqualTo(FALLBACK);
            }
        }

        assertThat(last).isEqualTo(90_000);
    }

    @Test
    void anOpusStreamWhoseTimestampsWrapIsFortyEightKilohertz() {
        long start = 0xFFFF_FFFFL - 960 * 20;
        int last = 0;
        for (int seq = 0; seq <= 110; seq++) {
            last = guesses.rate(9, (start + seq * 960L) & 0xFFFF_FFFFL, seq * 20 * MS, 8000);
        }

        assertThat(last).isEqualTo(48_000);
    }

    @Test
    void aStreamThatFitsNoCommonRateKeepsTheFallbackAndIsMeasuredAgain() {
        // timestamps jump by a million between two seconds: nothing common, so the window restarts
        assertThat(guesses.rate(3, 0, 0, FALLBACK)).isEqualTo(FALLBACK);
        assertThat(guesses.rate(3, 1_000_000, 2_000 * MS, FALLBACK)).isEqualTo(FALLBACK);
        // from there, a clean 8 kHz stream
        assertThat(guesses.rate(3, 1_000_000 + 16_000, 4_000 * MS, FALLBACK)).isEqualTo(8000);
        assertThat(guesses.rate(3, 1_000_000 + 16_160, 4_020 * MS, FALLBACK)).isEqualTo(8000);
    }

    @Test
    void negotiatedAndStaticPayloadTypesAreKnownAndDynamicOnesAreNot() {
        ClockRates rates = new ClockRates(FALLBACK);
        rates.put(96, 90_000);

        assertThat(rates.known(96)).isTrue();
        assertThat(rates.of(96)).isEqualTo(90_000);
        assertThat(rates.known(0)).isTrue();
        assertThat(rates.of(0)).isEqualTo(8000); // PCMU
        assertThat(rates.of(9)).isEqualTo(8000); // G.722's RTP clock, RFC 3551
        assertThat(rates.of(34)).isEqualTo(90_000); // H.263
        assertThat(rates.known(111)).isFalse();
        assertThat(rates.of(111)).isEqualTo(FALLBACK);
    }
}
