package dev.liaison.media.codec;

/** 8 kHz to 48 kHz: six-fold polyphase interpolation through the same low-pass, which removes the spectral images. */
public final class Upsampler8To48 {
    private static final int FACTOR = Downsampler48To8.FACTOR;
    private final double[] h = LowPassFilter.TAPS_48K_TO_8K;
    private final int perPhase = (h.length + FACTOR - 1) / FACTOR;
    private final double[] history = new double[perPhase - 1];

    public short[] process(short[] input) {
        int hist = history.length;
        double[] x = new double[hist + input.length];
        System.arraycopy(history, 0, x, 0, hist);
        for (int i = 0; i < input.length; i++) {
            x[hist + i] = input[i];
        }
        short[] out = new short[input.length * FACTOR];
        for (int i = 0; i < input.length; i++) {
            int newest = hist + i;
            for (int p = 0; p < FACTOR; p++) {
                double acc = 0;
                for (int j = 0; j < perPhase; j++) {
                    int k = p + FACTOR * j;
                    if (k >= h.length) {
                        break;
                    }
                    acc += h[k] * x[newest - j];
                }
                out[i * FACTOR + p] = Pcm.clip(acc * FACTOR);
            }
        }
        System.arraycopy(x, x.length - hist, history, 0, hist);
        return out;
    }
}
