package dev.liaison.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

/** Opus at 48 kHz mono in 20 ms frames (960 samples) through concentus; one instance per direction of a call. */
public final class OpusCodec {
    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAME_SAMPLES = 960;
    private static final int MAX_PACKET = 1275;

    private final OpusEncoder encoder;
    private final OpusDecoder decoder;

    public OpusCodec() {
        try {
            encoder = new OpusEncoder(SAMPLE_RATE, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            encoder.setBitrate(32_000);
            encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
            encoder.setComplexity(5);
            decoder = new OpusDecoder(SAMPLE_RATE, 1);
        } catch (OpusException e) {
            throw new IllegalStateException("cannot create the Opus codec", e);
        }
    }

    /** Encodes one 20 ms frame. */
    public byte[] encode(short[] frame) throws CodecException {
        if (frame.length != FRAME_SAMPLES) {
            throw new IllegalArgumentException("Opus frame must be " + FRAME_SAMPLES + " samples");
        }
        byte[] out = new byte[MAX_PACKET];
        try {
            int n = encoder.encode(frame, 0, FRAME_SAMPLES, out, 0, out.length);
            return java.util.Arrays.copyOf(out, n);
        } catch (OpusException | RuntimeException e) {
            throw new CodecException("Opus encode failed: " + e.getMessage(), e);
        }
    }

    /** Decodes one packet (up to 120 ms) into 48 kHz samples. */
    public short[] decode(byte[] packet) throws CodecException {
        short[] out = new short[FRAME_SAMPLES * 6];
        try {
            int n = decoder.decode(packet, 0, packet.length, out, 0, out.length, false);
            return java.util.Arrays.copyOf(out, n);
        } catch (OpusException | RuntimeException e) {
            throw new CodecException("Opus decode failed: " + e.getMessage(), e);
        }
    }

    /** Packet-loss concealment: 20 ms of audio the decoder predicts for a lost packet. */
    public short[] conceal() throws CodecException {
        short[] out = new short[FRAME_SAMPLES];
        try {
            int n = decoder.decode(null, 0, 0, out, 0, FRAME_SAMPLES, false);
            return java.util.Arrays.copyOf(out, n);
        } catch (OpusException | RuntimeException e) {
            throw new CodecException("Opus concealment failed: " + e.getMessage(), e);
        }
    }
}
