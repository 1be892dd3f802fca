package dev.liaison.media.benchmark;

/**
 * A deterministic voice-like test signal: a harmonic series whose pitch glides between 100 and 220 Hz, shaped by three
 * formant-like resonances, switched on and off at a syllabic rate, with a little noise. Codecs spend on it about what
 * they spend on speech (silence or a pure tone would be cheaper), and it needs no recording.
 */
final class SpeechLikeSignal {
    private static final double[] FORMANTS = {500, 1500, 2500};
    private static final double[] FORMANT_GAINS = {1.0, 0.5, 0.25};

    private SpeechLikeSignal() {}

    /** {@code samples} samples at {@code rate}, peak about {@code amplitude}. */
    static short[] generate(int rate, int samples, double amplitude) {
        short[] out = new short[samples];
        java.util.Random noise = new java.util.Random(42);
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double t = (double) i / rate;
            double pitch = 160 + 60 * Math.sin(2 * Math.PI * 0.7 * t);
            phase += 2 * Math.PI * pitch / rate;
            double voiced = 0;
            for (int h = 1; h * pitch < Math.min(3800, rate / 2.0); h++) {
                double f = h * pitch;
                double gain = 0;
                for (int k = 0; k < FORMANTS.length; k++) {
                    double d = (f - FORMANTS[k]) / 150;
                    gain += FORMANT_GAINS[k] / (1 + d * d);
                }
                voiced += gain * Math.sin(h * phase) / h;
            }
            // syllables: 200 ms of voice, 80 ms of near-silence
            double envelope = (t % 0.28) < 0.2 ? 1.0 : 0.05;
            double sample = envelope * (0.6 * voiced) + 0.01 * noise.nextGaussian();
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(amplitude * sample)));
        }
        return out;
    }
}
