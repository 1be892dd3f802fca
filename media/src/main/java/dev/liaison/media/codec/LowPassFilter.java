package dev.liaison.media.codec;

/** A Kaiser-windowed sinc low-pass FIR, designed once, for the 48 kHz to 8 kHz downsampler. */
final class LowPassFilter {
    /** Cut-off 3.8 kHz at 48 kHz, Kaiser beta 8 (~80 dB stop band, ~1 kHz transition): 3.3 kHz passes, 4.3 kHz is gone. */
    static final double[] TAPS_48K_TO_8K = design(241, 3800.0 / 48000.0, 8.0);

    private LowPassFilter() {}

    static double[] design(int taps, double normalizedCutoff, double beta) {
        double[] h = new double[taps];
        int mid = (taps - 1) / 2;
        double sum = 0;
        for (int n = 0; n < taps; n++) {
            int k = n - mid;
            double sinc = k == 0 ? 2 * normalizedCutoff : Math.sin(2 * Math.PI * normalizedCutoff * k) / (Math.PI * k);
            double r = (double) k / mid;
            double window = bessel0(beta * Math.sqrt(1 - r * r)) / bessel0(beta);
            h[n] = sinc * window;
            sum += h[n];
        }
        for (int n = 0; n < taps; n++) {
            h[n] /= sum; // unity gain at DC
        }
        for (int n = 0; n < mid; n++) {
            h[taps - 1 - n] = h[n]; // exactly symmetric (linear phase), which Downsampler48To8 relies on
        }
        return h;
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
