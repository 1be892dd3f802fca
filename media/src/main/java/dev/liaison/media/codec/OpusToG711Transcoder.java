package dev.liaison.media.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Browser to phone: Opus 48 kHz to PCMU/PCMA 8 kHz. Lost Opus packets (up to {@value #MAX_CONCEALED} in a row) are
 * filled with Opus packet-loss concealment so the phone hears no gap; output sequence numbers run on without holes and
 * timestamps follow the input's clock divided by six.
 */
public final class OpusToG711Transcoder {
    static final int MAX_CONCEALED = 5;
    private static final String DIRECTION = "opus-to-g711";

    private final OpusCodec opus = new OpusCodec();
    private final Downsampler48To8 downsampler = new Downsampler48To8();
    private final SequenceTracker sequence = new SequenceTracker();
    private final G711 law;
    private final int inputPayloadType;
    private final TranscoderMetrics metrics;
    private int outSequence;
    private final long outTimestampBase;
    private long inTimestampBase = -1;

    public OpusToG711Transcoder(
            int inputPayloadType, G711 law, int firstSequence, long timestampBase, TranscoderMetrics metrics) {
        this.inputPayloadType = inputPayloadType;
        this.law = law;
        this.outSequence = firstSequence;
        this.outTimestampBase = timestampBase;
        this.metrics = metrics;
    }

    /** Zero or more G.711 packets for one inbound Opus packet. */
    public List<AudioPacket> transcode(AudioPacket in) {
        if (in.payloadType() != inputPayloadType) {
            metrics.dropped(DIRECTION, TranscodeDrop.WRONG_PAYLOAD_TYPE);
            return List.of();
        }
        int lost = sequence.advance(in.sequence());
        if (lost == SequenceTracker.LATE) {
            metrics.dropped(DIRECTION, TranscodeDrop.LATE_OR_DUPLICATE);
            return List.of();
        }
        if (inTimestampBase < 0) {
            inTimestampBase = in.timestamp();
        }
        List<AudioPacket> out = new ArrayList<>();
        try {
            if (lost > 0 && lost <= MAX_CONCEALED) {
                for (int i = lost; i > 0; i--) {
                    long ts = in.timestamp() - (long) i * OpusCodec.FRAME_SAMPLES;
                    out.add(packet(downsampler.process(opus.conceal()), ts, false));
                    metrics.concealed(DIRECTION);
                }
            }
            out.add(packet(downsampler.process(opus.decode(in.payload())), in.timestamp(), in.marker() || lost > 0));
        } catch (CodecException e) {
            metrics.dropped(DIRECTION, TranscodeDrop.UNDECODABLE);
        }
        return out;
    }

    private AudioPacket packet(short[] pcm8k, long inTimestamp, boolean marker) {
        long ts = outTimestampBase + ((inTimestamp - inTimestampBase) & 0xFFFFFFFFL) / Downsampler48To8.FACTOR;
        return new AudioPacket(law.payloadType(), outSequence++, ts, marker, law.encode(pcm8k));
    }
}
