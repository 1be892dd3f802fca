package dev.liaison.media.codec;

/**
 * 48 kHz to 8 kHz: anti-aliasing low-pass then keep one sample in six; keeps its filter state across frames. The filter
 * is computed only at the kept samples, and its symmetry (a linear-phase FIR: tap k equals tap N-1-k) halves the
 * multiplications: each pair of samples the same distance from the centre is added first.
 */
public final class Downsampler48To8 {
    static final int FACTOR = 6;
    private final double[] h = LowPassFilter.TAPS_48K_TO_8K;
    private final int centre = (h.length - 1) / 2;
    private final double[] history = new double[h.length - 1];
    private double[] work = new double[history.length + OpusCodec.FRAME_SAMPLES];

    public Downsampler48To8() {
        if (h.length % 2 == 0) {
            throw new IllegalStateException("the low-pass needs an odd number of taps");
        }
    }

    /** @param input 48 kHz samples, a multiple of 6 of them */
    public short[] process(short[] input) {
        if (input.length % FACTOR != 0) {
            throw new IllegalArgumentException("48 kHz frame must be a multiple of 6 samples");
        }
        int hist = history.length;
        int length = hist + input.length;
        if (work.length < length) {
            work = new double[length];
        }
        double[] x = work;
        System.arraycopy(history, 0, x, 0, hist);
        for (int i = 0; i < input.length; i++) {
            x[hist + i] = input[i];
        }
        short[] out = new short[input.length / FACTOR];
        for (int n = 0; n < out.length; n++) {
            int newest = hist + n * FACTOR + FACTOR - 1;
            int oldest = newest - (h.length - 1);
            double acc = h[centre] * x[newest - centre];
            for (int k = 0; k < centre; k++) {
                acc += h[k] * (x[newest - k] + x[oldest + k]);
            }
            out[n] = Pcm.clip(acc);
        }
        System.arraycopy(x, length - hist, history, 0, hist);
        return out;
    }
}
