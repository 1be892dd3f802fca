package dev.liaison.media.bridge;

/** A test tone and how much of a signal's power sits at one frequency (Goertzel). */
final class Tones {
    private Tones() {}

    static short[] sine(double frequency, int rate, int samples, double amplitude, int offset) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * (offset + i) / rate));
        }
        return s;
    }

    /** Power at {@code frequency} relative to the whole signal from sample {@code from} on (1.0 for a pure tone). */
    static double fractionAt(short[] s, int from, double frequency, int rate) {
        int n = s.length - from;
        double w = 2 * Math.PI * frequency / rate;
        double cos = Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        double total = 0;
        for (int i = from; i < s.length; i++) {
            double s0 = s[i] + 2 * cos * s1 - s2;
            s2 = s1;
            s1 = s0;
            total += (double) s[i] * s[i];
        }
        double power = s1 * s1 + s2 * s2 - 2 * cos * s1 * s2;
        return total == 0 ? 0 : (2 * power / ((double) n * n)) / (total / n);
    }

    static short[] concat(short[] a, short[] b) {
        short[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
