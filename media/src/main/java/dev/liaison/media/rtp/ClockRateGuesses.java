package dev.liaison.media.rtp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clock rate of inbound streams whose payload type no SDP named: how fast each stream's RTP timestamps advance
 * against its arrival times, over at least {@link #WINDOW_NANOS}, snapped to the nearest common rate when within
 * {@link #TOLERANCE} of it. Until then, and for a stream that fits no common rate, the caller's fallback. A guess,
 * once made, stays for the stream. At most {@link #MAX_STREAMS} streams, the oldest forgotten first. Thread-safe.
 */
public final class ClockRateGuesses {
    static final int[] COMMON_RATES = {8000, 16000, 24000, 32000, 44100, 48000, 90000};
    static final long WINDOW_NANOS = 2_000_000_000L;
    static final double TOLERANCE = 0.04;
    static final int MAX_STREAMS = 16;

    private final Map<Integer, Stream> streams = new LinkedHashMap<>();

    private static final class Stream {
        long firstTimestamp;
        long firstArrivalNanos;
        int rate;
    }

    /** The rate to count a packet of {@code ssrc} in; {@code fallback} until the stream's rate is known. */
    public synchronized int rate(int ssrc, long rtpTimestamp, long arrivalNanos, int fallback) {
        Stream stream = streams.get(ssrc);
        if (stream == null) {
            if (streams.size() == MAX_STREAMS) {
                Iterator<Stream> oldest = streams.values().iterator();
                oldest.next();
                oldest.remove();
            }
            stream = new Stream();
            stream.firstTimestamp = rtpTimestamp & 0xFFFF_FFFFL;
            stream.firstArrivalNanos = arrivalNanos;
            streams.put(ssrc, stream);
            return fallback;
        }
        if (stream.rate > 0) {
            return stream.rate;
        }
        long elapsed = arrivalNanos - stream.firstArrivalNanos;
        if (elapsed < WINDOW_NANOS) {
            return fallback;
        }
        // the timestamp difference modulo 2^32, as a signed value: a wrap in between is harmless
        long units = (int) ((rtpTimestamp & 0xFFFF_FFFFL) - stream.firstTimestamp);
        double measured = units * 1e9 / elapsed;
        for (int common : COMMON_RATES) {
            if (Math.abs(measured - common) <= common * TOLERANCE) {
                stream.rate = common;
                return common;
            }
        }
        // fits nothing (a timestamp jump, a paused source): measure again from here
        stream.firstTimestamp = rtpTimestamp & 0xFFFF_FFFFL;
        stream.firstArrivalNanos = arrivalNanos;
        return fallback;
    }
}
