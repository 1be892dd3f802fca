package dev.liaison.media.codec;

/** ITU-T G.711 µ-law (PCMU) and A-law (PCMA) for 16-bit linear PCM. */
public enum G711 {
    PCMU(0) {
        @Override
        public byte encode(short sample) {
            int s = sample;
            int sign = (s >> 8) & 0x80;
            if (sign != 0) {
                s = -s;
            }
            s = Math.min(s, MU_CLIP) + MU_BIAS;
            int exponent = 7;
            for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
                exponent--;
            }
            int mantissa = (s >> (exponent + 3)) & 0x0F;
            return (byte) ~(sign | (exponent << 4) | mantissa);
        }

        @Override
        public short decode(byte code) {
            int u = ~code & 0xFF;
            int exponent = (u >> 4) & 0x07;
            int magnitude = ((((u & 0x0F) << 3) + MU_BIAS) << exponent) - MU_BIAS;
            return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
        }
    },
    PCMA(8) {
        @Override
        public byte encode(short sample) {
            int pcm = sample >> 3;
            int mask;
            if (pcm >= 0) {
                mask = 0xD5;
            } else {
                mask = 0x55;
                pcm = -pcm - 1;
            }
            int segment = 0;
            while (segment < 8 && pcm > A_SEGMENT_END[segment]) {
                segment++;
            }
            if (segment >= 8) {
                return (byte) (0x7F ^ mask);
            }
            int value = segment << 4;
            value |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
            return (byte) (value ^ mask);
        }

        @Override
        public short decode(byte code) {
            int a = (code & 0xFF) ^ 0x55;
            int t = (a & 0x0F) << 4;
            int segment = (a & 0x70) >> 4;
            if (segment == 0) {
                t += 8;
            } else {
                t = (t + 0x108) << (segment - 1);
            }
            return (short) ((a & 0x80) != 0 ? t : -t);
        }
    };

    private static final int MU_BIAS = 0x84;
    private static final int MU_CLIP = 32635;
    private static final int[] A_SEGMENT_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    private final int payloadType;

    G711(int payloadType) {
        this.payloadType = payloadType;
    }

    /** The static RTP payload type (RFC 3551). */
    public int payloadType() {
        return payloadType;
    }

    public abstract byte encode(short sample);

    public abstract short decode(byte code);

    public byte[] encode(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = encode(samples[i]);
        }
        return out;
    }

    public short[] decode(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = decode(codes[i]);
        }
        return out;
    }
}
