package dev.liaison.media.codec;

/** Test tones and their measurement. */
final class Signals {
    private Signals() {}

    static short[] sine(double frequency, int rate, int samples, double amplitude, int offset) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * (offset + i) / rate));
        }
        return s;
    }

    static double rms(short[] s, int from) {
        double sum = 0;
        for (int i = from; i < s.length; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (s.length - from));
    }

    /** Power at one frequency relative to the total (Goertzel), from sample {@code from}. */
    static double fractionAt(short[] s, int from, double frequency, int rate) {
        int n = s.length - from;
        double w = 2 * Math.PI * frequency / rate;
        double cos = Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < s.length; i++) {
            double s0 = s[i] + 2 * cos * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - 2 * cos * s1 * s2;
        double tonePower = 2 * power / ((double) n * n);
        double total = Math.pow(rms(s, from), 2);
        return tonePower / total;
    }

    static short[] concat(short[] a, short[] b) {
        short[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
