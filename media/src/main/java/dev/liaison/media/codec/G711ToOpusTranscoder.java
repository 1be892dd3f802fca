package dev.liaison.media.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Phone to browser: PCMU/PCMA 8 kHz to Opus in 20 ms frames, whatever the phone's packet time. The 8 kHz samples go to
 * the Opus encoder as they are ({@link OpusCodec} at {@value OpusCodec#NARROWBAND_RATE} Hz codes narrowband Opus), so
 * nothing is upsampled; timestamps run on the 48 kHz Opus clock. A short loss (up to {@value #MAX_GAP_SAMPLES}
 * samples) is filled with silence so the Opus timeline stays continuous; a longer one restarts the timeline at the new
 * timestamp.
 */
public final class G711ToOpusTranscoder {
    static final int MAX_GAP_SAMPLES = 800;
    private static final String DIRECTION = "g711-to-opus";
    private static final int FACTOR = Downsampler48To8.FACTOR;

    private final OpusCodec opus = new OpusCodec(OpusCodec.NARROWBAND_RATE);
    private final int frame = opus.encodeFrameSamples();
    private final SequenceTracker sequence = new SequenceTracker();
    private final G711 law;
    private final int outputPayloadType;
    private final TranscoderMetrics metrics;
    private final long outTimestampBase;
    private final short[] pending = new short[frame * 8];
    private int pendingCount;
    private int outSequence;
    private long inTimestampBase = -1;
    private long nextInTimestamp = -1;
    /** Where the first pending sample lies on the input's 8 kHz timeline, from its first packet. */
    private long pendingStart8;

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
            append(new short[(int) gap]);
            metrics.concealed(DIRECTION);
        } else if (gap != 0) {
            pendingCount = 0; // too long a gap, or a jump back: restart the timeline here
            pendingStart8 = (in.timestamp() - inTimestampBase) & 0xFFFFFFFFL;
        }
        append(law.decode(in.payload()));
        nextInTimestamp = (in.timestamp() + in.payload().length) & 0xFFFFFFFFL;

        List<AudioPacket> out = new ArrayList<>(1);
        int taken = 0;
        while (pendingCount - taken >= frame) {
            try {
                out.add(new AudioPacket(
                        outputPayloadType,
                        outSequence++,
                        outTimestampBase + pendingStart8 * FACTOR,
                        false,
                        opus.encode(pending, taken)));
            } catch (CodecException e) {
                metrics.dropped(DIRECTION, TranscodeDrop.UNDECODABLE);
            }
            taken += frame;
            pendingStart8 += frame;
        }
        if (taken > 0) {
            System.arraycopy(pending, taken, pending, 0, pendingCount - taken);
            pendingCount -= taken;
        }
        return out;
    }

    private void append(short[] samples8) {
        int room = pending.length - pendingCount;
        int n = Math.min(room, samples8.length);
        System.arraycopy(samples8, 0, pending, pendingCount, n);
        pendingCount += n;
    }
}
