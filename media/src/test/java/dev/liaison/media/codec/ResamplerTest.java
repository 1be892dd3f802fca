package dev.liaison.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static final int FRAMES = 50; // one second in 20 ms frames

    @Test
    void aOneKilohertzToneSurvivesDownsamplingWithLowDistortion() {
        short[] out = downsample(1000, 10_000);
        // skip the filter's warm-up; the tone holds over 99.9 % of the power (distortion below -30 dB)
        assertThat(Signals.fractionAt(out, 400, 1000, 8000)).isGreaterThan(0.999);
        assertThat(Signals.rms(out, 400)).isBetween(10_000 / Math.sqrt(2) * 0.97, 10_000 / Math.sqrt(2) * 1.03);
    }

    @Test
    void aSixKilohertzToneIsAttenuatedByMoreThanFortyDecibelsGoingTo8Kilohertz() {
        short[] out = downsample(6000, 10_000);
        double attenuationDb = 20 * Math.log10(Signals.rms(out, 400) / (10_000 / Math.sqrt(2)));
        assertThat(attenuationDb).isLessThan(-40);
    }

    private static short[] downsample(double frequency, double amplitude) {
        Downsampler48To8 down = new Downsampler48To8();
        short[] out = new short[0];
        for (int f = 0; f < FRAMES; f++) {
            out = Signals.concat(out, down.process(Signals.sine(frequency, 48_000, 960, amplitude, f * 960)));
        }
        return out;
    }
}
