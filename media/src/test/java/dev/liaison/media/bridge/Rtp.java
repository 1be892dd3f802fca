package dev.liaison.media.bridge;

import java.util.Arrays;

/** RTP packets as a peer writes them, and the fields of what the broker sent (12-byte header, as the relay writes). */
final class Rtp {
    private Rtp() {}

    static byte[] packet(int pt, boolean marker, int seq, long ts, long ssrc, byte[] payload) {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | pt);
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        for (int i = 0; i < 4; i++) {
            p[4 + i] = (byte) (ts >> (24 - 8 * i));
            p[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        }
        System.arraycopy(payload, 0, p, 12, payload.length);
        return p;
    }

    /** With a one-byte-header extension (RFC 8285) carrying an audio level, as a browser sends it. */
    static byte[] withExtension(int pt, int seq, long ts, long ssrc, byte[] payload) {
        byte[] plain = packet(pt, false, seq, ts, ssrc, payload);
        byte[] p = new byte[plain.length + 8];
        System.arraycopy(plain, 0, p, 0, 12);
        p[0] = (byte) 0x90;
        p[12] = (byte) 0xBE;
        p[13] = (byte) 0xDE;
        p[14] = 0;
        p[15] = 1;
        p[16] = 0x10; // id 1, one byte
        p[17] = 0x2A;
        System.arraycopy(payload, 0, p, 20, payload.length);
        return p;
    }

    static int pt(byte[] p) {
        return p[1] & 0x7F;
    }

    static boolean marker(byte[] p) {
        return (p[1] & 0x80) != 0;
    }

    static int seq(byte[] p) {
        return ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
    }

    static long ts(byte[] p) {
        return u32(p, 4);
    }

    static long ssrc(byte[] p) {
        return u32(p, 8);
    }

    static byte[] payload(byte[] p) {
        return Arrays.copyOfRange(p, 12, p.length);
    }

    static long u32(byte[] p, int at) {
        return ((long) (p[at] & 0xFF) << 24)
                | ((p[at + 1] & 0xFF) << 16)
                | ((p[at + 2] & 0xFF) << 8)
                | (p[at + 3] & 0xFF);
    }
}
