package dev.liaison.media.codec;

/** 48 kHz to 8 kHz: anti-aliasing low-pass then keep one sample in six; keeps its filter state across frames. */
public final class Downsampler48To8 {
    static final int FACTOR = 6;
    private final double[] h = LowPassFilter.TAPS_48K_TO_8K;
    private final double[] history = new double[h.length - 1];

    /** @param input 48 kHz samples, a multiple of 6 of them */
    public short[] process(short[] input) {
        if (input.length % FACTOR != 0) {
            throw new IllegalArgumentException("48 kHz frame must be a multiple of 6 samples");
        }
        int hist = history.length;
        double[] x = new double[hist + input.length];
        System.arraycopy(history, 0, x, 0, hist);
        for (int i = 0; i < input.length; i++) {
            x[hist + i] = input[i];
        }
        short[] out = new short[input.length / FACTOR];
        for (int n = 0; n < out.length; n++) {
            int newest = hist + n * FACTOR + FACTOR - 1;
            double acc = 0;
            for (int k = 0; k < h.length; k++) {
                acc += h[k] * x[newest - k];
            }
            out[n] = Pcm.clip(acc);
        }
        System.arraycopy(x, x.length - hist, history, 0, hist);
        return out;
    }
}
