package dev.liaison.media.bridge;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One RTP stream the broker sends on a leg (one per media section): the broker's own SSRC, and sequence numbers and
 * timestamps that run on without a jump when the source changes its SSRC, when the relay switches between passing
 * through and transcoding, or after a renegotiation. Passed-through packets keep their gaps and order (a fixed offset
 * per source); transcoded packets are numbered one after the other. Used under its relay's lock.
 */
final class OutboundStream {
    /** Sequence and timestamp of one outbound packet. */
    record Numbers(int sequence, long timestamp) {}

    final long ssrc;
    private int lastSequence;
    private long lastTimestamp;
    private Instant lastSent;
    private long source = -1;
    private int sequenceOffset;
    private long timestampOffset;
    private long lastInTimestamp;
    private boolean anyInput;
    private long lastEventTimestamp;
    private Instant lastEventAt;

    OutboundStream(long ssrc) {
        this.ssrc = ssrc;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.lastSequence = random.nextInt(0x10000);
        this.lastTimestamp = random.nextLong(0x100000000L);
    }

    /** A passed-through packet: the source's numbers plus this source's offsets, set when the source appears. */
    Numbers passThrough(long sourceSsrc, int sequence, long timestamp, int clockRate, Instant now) {
        if (sourceSsrc != source) {
            long next = nextTimestamp(clockRate, now);
            sequenceOffset = (lastSequence + 1 - sequence) & 0xFFFF;
            timestampOffset = (next - timestamp) & 0xFFFFFFFFL;
            source = sourceSsrc;
        }
        int outSequence = (sequence + sequenceOffset) & 0xFFFF;
        long outTimestamp = (timestamp + timestampOffset) & 0xFFFFFFFFL;
        int ahead = (outSequence - lastSequence) & 0xFFFF;
        if (ahead != 0 && ahead < 0x8000) {
            sent(outSequence, outTimestamp, timestamp, now);
        }
        return new Numbers(outSequence, outTimestamp);
    }

    /** A packet the broker made (transcoded, or a rescaled event): the next sequence number, the given timestamp. */
    Numbers next(long timestamp, long inTimestamp, Instant now) {
        source = -1;
        int outSequence = (lastSequence + 1) & 0xFFFF;
        sent(outSequence, timestamp & 0xFFFFFFFFL, inTimestamp, now);
        return new Numbers(outSequence, timestamp & 0xFFFFFFFFL);
    }

    /** The next sequence number for a packet that does not move the timeline (a telephone event). */
    int nextSequence() {
        source = -1;
        lastSequence = (lastSequence + 1) & 0xFFFF;
        return lastSequence;
    }

    /**
     * The sequence number of a packet the broker adds to the stream (a generated DTMF event) without disturbing the
     * source passed through: its later packets are numbered one further on, their timestamps stay as they are.
     */
    int insertSequence() {
        lastSequence = (lastSequence + 1) & 0xFFFF;
        sequenceOffset = (sequenceOffset + 1) & 0xFFFF;
        return lastSequence;
    }

    /**
     * The timestamp of a generated event starting now (a DTMF key press): where the timeline is, the last packet's or
     * the last event's timestamp plus the time since it at {@code clockRate}, so that it lines up with the audio around
     * it and each event has its own timestamp.
     */
    long startEvent(int clockRate, Instant now) {
        long timestamp = lastTimestamp;
        Instant since = lastSent;
        if (lastEventAt != null && (since == null || lastEventAt.isAfter(since))) {
            timestamp = lastEventTimestamp;
            since = lastEventAt;
        }
        if (since != null) {
            long elapsedMillis =
                    Math.max(0, Math.min(60_000, Duration.between(since, now).toMillis()));
            timestamp = (timestamp + elapsedMillis * clockRate / 1000) & 0xFFFFFFFFL;
        }
        lastEventTimestamp = timestamp;
        lastEventAt = now;
        return timestamp;
    }

    /**
     * Where the timeline goes on after the last packet: the time since it at {@code clockRate}, at least one 20 ms
     * frame, so a new source or a new transcoder never repeats a timestamp.
     */
    long nextTimestamp(int clockRate, Instant now) {
        if (lastSent == null) {
            return lastTimestamp;
        }
        long elapsedMillis =
                Math.max(0, Math.min(60_000, Duration.between(lastSent, now).toMillis()));
        long ticks = Math.max(clockRate / 50, elapsedMillis * clockRate / 1000);
        return (lastTimestamp + ticks) & 0xFFFFFFFFL;
    }

    /** The outbound timestamp matching inbound {@code inTimestamp}, by the offset of the last packet sent. */
    long mapTimestamp(long inTimestamp, int inClock, int outClock) {
        if (!anyInput) {
            return lastTimestamp;
        }
        long delta = (int) (inTimestamp - lastInTimestamp); // signed 32-bit difference
        return (lastTimestamp + delta * outClock / inClock) & 0xFFFFFFFFL;
    }

    /** The current source's sequence number for an outbound one (for NACK); -1 when no source is passed through. */
    int sourceSequence(int outSequence) {
        return source < 0 ? -1 : (outSequence - sequenceOffset) & 0xFFFF;
    }

    /** The SSRC of the source passed through now, or -1. */
    long source() {
        return source;
    }

    private void sent(int sequence, long timestamp, long inTimestamp, Instant now) {
        lastSequence = sequence;
        lastTimestamp = timestamp;
        lastInTimestamp = inTimestamp;
        lastSent = now;
        anyInput = true;
    }
}
