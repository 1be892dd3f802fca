package dev.liaison.media.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Phone to browser: PCMU/PCMA 8 kHz to Opus 48 kHz in 20 ms frames, whatever the phone's packet time. A short loss
 * (up to {@value #MAX_GAP_SAMPLES} samples) is filled with silence so the Opus timeline stays continuous; a longer one
 * restarts the timeline at the new timestamp.
 */
public final class G711ToOpusTranscoder {
    static final int MAX_GAP_SAMPLES = 800;
    private static final String DIRECTION = "g711-to-opus";
    private static final int FACTOR = Downsampler48To8.FACTOR;

    private final OpusCodec opus = new OpusCodec();
    private final Upsampler8To48 upsampler = new Upsampler8To48();
    private final SequenceTracker sequence = new SequenceTracker();
    private final G711 law;
    private final int outputPayloadType;
    private final TranscoderMetrics metrics;
    private final long outTimestampBase;
    private final short[] pending = new short[OpusCodec.FRAME_SAMPLES * 8];
    private int pendingCount;
    private int outSequence;
    private long inTimestampBase = -1;
    private long nextInTimestamp = -1;
    private long pendingStart48;

    public G711ToOpusTranscoder(
            G711 law, int outputPayloadType, int firstSequence, long timestampBase, TranscoderMetrics metrics) {
        this.law = law;
        this.outputPayloadType = outputPayloadType;
        this.outSequence = firstSequence;
        this.outTimestampBase = timestampBase;
        this.metrics = metrics;
    }

    public List<AudioPacket> transcode(AudioPacket in) {
        if (in.payloadType() != law.payloadType()) {
            metrics.dropped(DIRECTION, TranscodeDrop.WRONG_PAYLOAD_TYPE);
            return List.of();
        }
        if (sequence.advance(in.sequence()) == SequenceTracker.LATE) {
            metrics.dropped(DIRECTION, TranscodeDrop.LATE_OR_DUPLICATE);
            return List.of();
        }
        if (inTimestampBase < 0) {
            inTimestampBase = in.timestamp();
            nextInTimestamp = in.timestamp();
        }
        long gap = (in.timestamp() - nextInTimestamp) & 0xFFFFFFFFL;
        if (gap > 0 && gap <= MAX_GAP_SAMPLES) {
            append(upsampler.process(new short[(int) gap]));
            metrics.concealed(DIRECTION);
        } else if (gap != 0) {
            pendingCount = 0; // too long a gap, or a jump back: restart the timeline here
            pendingStart48 = ((in.timestamp() - inTimestampBase) & 0xFFFFFFFFL) * FACTOR;
        }
        append(upsampler.process(law.decode(in.payload())));
        nextInTimestamp = (in.timestamp() + in.payload().length) & 0xFFFFFFFFL;

        List<AudioPacket> out = new ArrayList<>();
        while (pendingCount >= OpusCodec.FRAME_SAMPLES) {
            short[] frame = java.util.Arrays.copyOf(pending, OpusCodec.FRAME_SAMPLES);
            System.arraycopy(pending, OpusCodec.FRAME_SAMPLES, pending, 0, pendingCount - OpusCodec.FRAME_SAMPLES);
            pendingCount -= OpusCodec.FRAME_SAMPLES;
            try {
                out.add(new AudioPacket(
                        outputPayloadType,
                        outSequence++,
                        outTimestampBase + pendingStart48,
                        false,
                        opus.encode(frame)));
            } catch (CodecException e) {
                metrics.dropped(DIRECTION, TranscodeDrop.UNDECODABLE);
            }
            pendingStart48 += OpusCodec.FRAME_SAMPLES;
        }
        return out;
    }

    private void append(short[] samples48) {
        int room = pending.length - pendingCount;
        int n = Math.min(room, samples48.length);
        System.arraycopy(samples48, 0, pending, pendingCount, n);
        pendingCount += n;
    }
}
