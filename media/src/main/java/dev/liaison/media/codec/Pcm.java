package dev.liaison.media.codec;

/** 16-bit PCM helpers. */
final class Pcm {
    private Pcm() {}

    static short clip(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
