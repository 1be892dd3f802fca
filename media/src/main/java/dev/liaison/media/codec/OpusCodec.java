package dev.liaison.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;
import java.util.Arrays;

/**
 * Opus mono in 20 ms frames through concentus; one instance per direction of a call.
 *
 * <p>The encoder takes PCM at the rate given to the constructor: 48 kHz (960 samples a frame), or 8 kHz (160 samples)
 * for audio that comes from a phone. At 8 kHz the encoder codes narrowband Opus directly, which is what G.711 audio
 * holds anyway, and costs far less than upsampling to 48 kHz and coding that (complexity 3 there, 5 at 48 kHz). Either
 * way the packets are ordinary Opus that any decoder plays, on the 48 kHz RTP clock of RFC 7587.
 *
 * <p>The decoder always gives 48 kHz samples (960 a frame): concentus 1.0.2 decodes silence when asked for 8 kHz
 * output, so a transcoder to G.711 decodes at 48 kHz and then downsamples ({@link Downsampler48To8}).
 */
public final class OpusCodec {
    /** The decoder's output rate, and the Opus RTP clock. */
    public static final int SAMPLE_RATE = 48_000;
    /** Samples in 20 ms at {@link #SAMPLE_RATE}. */
    public static final int FRAME_SAMPLES = 960;
    /** The rate of narrowband PCM, as G.711 carries it. */
    public static final int NARROWBAND_RATE = 8000;

    private static final int MAX_PACKET = 1275;
    private static final int FULLBAND_BITRATE = 32_000;
    /** Narrowband speech gains nothing from more (SILK NB tops out well below this). */
    private static final int NARROWBAND_BITRATE = 20_000;

    private static final int FULLBAND_COMPLEXITY = 5;
    /**
     * SILK at complexity 2-3 uses its single-state noise-shaping quantizer (no delayed decision, no frequency warping),
     * about a third of the encoder's time at 5; audio that already went through G.711 gains little from the rest.
     */
    private static final int NARROWBAND_COMPLEXITY = 3;

    private final OpusEncoder encoder;
    private final OpusDecoder decoder;
    private final int encodeFrameSamples;
    private final byte[] packet = new byte[MAX_PACKET];

    /** Encodes from 48 kHz PCM. */
    public OpusCodec() {
        this(SAMPLE_RATE);
    }

    /**
     * @param pcmRate the rate of the PCM given to {@link #encode}: {@value #SAMPLE_RATE} or {@value #NARROWBAND_RATE}
     */
    public OpusCodec(int pcmRate) {
        if (pcmRate != SAMPLE_RATE && pcmRate != NARROWBAND_RATE) {
            throw new IllegalArgumentException(
                    "Opus PCM rate must be " + SAMPLE_RATE + " or " + NARROWBAND_RATE + ", was " + pcmRate);
        }
        this.encodeFrameSamples = pcmRate / 50;
        try {
            encoder = new OpusEncoder(pcmRate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            encoder.setBitrate(pcmRate == SAMPLE_RATE ? FULLBAND_BITRATE : NARROWBAND_BITRATE);
            encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
            encoder.setComplexity(pcmRate == SAMPLE_RATE ? FULLBAND_COMPLEXITY : NARROWBAND_COMPLEXITY);
            decoder = new OpusDecoder(SAMPLE_RATE, 1);
        } catch (OpusException e) {
            throw new IllegalStateException("cannot create the Opus codec", e);
        }
    }

    /** Samples {@link #encode} takes: 20 ms at the PCM rate given to the constructor. */
    public int encodeFrameSamples() {
        return encodeFrameSamples;
    }

    /** Encodes one 20 ms frame of {@link #encodeFrameSamples()} samples. */
    public byte[] encode(short[] frame) throws CodecException {
        if (frame.length != encodeFrameSamples) {
            throw new IllegalArgumentException("Opus frame must be " + encodeFrameSamples + " samples");
        }
        return encode(frame, 0);
    }

    /** Encodes one 20 ms frame: {@link #encodeFrameSamples()} samples of {@code pcm} from {@code offset}. */
    public byte[] encode(short[] pcm, int offset) throws CodecException {
        if (offset < 0 || pcm.length - offset < encodeFrameSamples) {
            throw new IllegalArgumentException(
                    "Opus frame needs " + encodeFrameSamples + " samples from " + offset + ", has " + pcm.length);
        }
        try {
            int n = encoder.encode(pcm, offset, encodeFrameSamples, packet, 0, packet.length);
            return Arrays.copyOf(packet, n);
        } catch (OpusException | RuntimeException e) {
            throw new CodecException("Opus encode failed: " + e.getMessage(), e);
        }
    }

    /** Decodes one packet (up to 120 ms) into 48 kHz samples. */
    public short[] decode(byte[] packet) throws CodecException {
        short[] out = new short[FRAME_SAMPLES * 6];
        try {
            int n = decoder.decode(packet, 0, packet.length, out, 0, out.length, false);
            return Arrays.copyOf(out, n);
        } catch (OpusException | RuntimeException e) {
            throw new CodecException("Opus decode failed: " + e.getMessage(), e);
        }
    }

    /** Packet-loss concealment: 20 ms of 48 kHz audio the decoder predicts for a lost packet. */
    public short[] conceal() throws CodecException {
        short[] out = new short[FRAME_SAMPLES];
        try {
            int n = decoder.decode(null, 0, 0, out, 0, FRAME_SAMPLES, false);
            return Arrays.copyOf(out, n);
        } catch (OpusException | RuntimeException e) {
            throw new CodecException("Opus concealment failed: " + e.getMessage(), e);
        }
    }
}
