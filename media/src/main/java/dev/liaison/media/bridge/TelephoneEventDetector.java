package dev.liaison.media.bridge;

import dev.liaison.media.codec.TelephoneEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Turns the RFC 4733 telephone-events one leg sends into DTMF keys, each reported once. An event is one RTP timestamp
 * of one SSRC (RFC 4733 2.5.1): its packets repeat that timestamp with growing durations and end with the E bit, the
 * end packet usually sent three times. A key is reported at its first end packet; when the end packets are lost, when
 * the next event starts or when no packet of the event came for {@link #LOST_END_TIMEOUT_MILLIS}. Retransmitted end
 * packets and late packets of an event already reported are ignored (the last {@link #REMEMBERED} events are
 * remembered). A long key split into segments (RFC 4733 2.5.1.3: the duration field full at 0xFFFF, the next segment
 * at the timestamp plus 0xFFFF) stays one key. Payloads shorter than 4 bytes are counted and ignored, and so are named
 * events that are not keys (codes 16 and up).
 *
 * <p>Packets come on the leg's receiving thread, timeouts on the timer's; the key is handed to the sink outside the
 * lock.
 */
final class TelephoneEventDetector {

    /** How long a key waits for a packet of its event before it is reported without its end. */
    static final long LOST_END_TIMEOUT_MILLIS = 1000;
    /** Events reported recently whose late or retransmitted packets are ignored. */
    static final int REMEMBERED = 8;

    private static final int FULL_DURATION = 0xFFFF;

    private final Clock clock;
    private final DtmfTimer timer;
    private final BridgeMetrics metrics;
    private final Consumer<ReceivedDtmf> sink;
    private final Deque<EventKey> reported = new ArrayDeque<>(REMEMBERED);
    /** The event being received and not reported yet, or null. */
    private Current current;

    private DtmfTimer.Scheduled timeout;
    private boolean closed;

    /** One event: the sender's SSRC, the event's timestamp and code. */
    private record EventKey(long ssrc, long timestamp, int event) {}

    /** The event under way. */
    private static final class Current {
        EventKey key;
        final int clockRate;
        /** Timestamp units of the segments before this one (a long key split at 0xFFFF). */
        long earlierSegments;

        int duration;
        int volume;
        Instant lastPacket;

        Current(EventKey key, int clockRate) {
            this.key = key;
            this.clockRate = clockRate;
        }

        int durationMillis() {
            return (int) Math.min(Integer.MAX_VALUE, (earlierSegments + duration) * 1000 / clockRate);
        }
    }

    /**
     * @param timer runs the lost-end timeout; null: a key whose end packets were lost is reported only when the next
     *     event starts
     * @param sink hears each key once
     */
    TelephoneEventDetector(Clock clock, DtmfTimer timer, BridgeMetrics metrics, Consumer<ReceivedDtmf> sink) {
        this.clock = clock;
        this.timer = timer;
        this.metrics = metrics;
        this.sink = sink;
    }

    /**
     * One telephone-event packet of the leg.
     *
     * @param payload the packet's bytes; the payload is {@code length} bytes from {@code offset}
     * @param clockRate the clock of the payload type, from the SDP (8000 on a phone, 48000 in a browser)
     */
    void packet(long ssrc, long timestamp, byte[] payload, int offset, int length, int clockRate) {
        if (length < TelephoneEvent.LENGTH || clockRate <= 0) {
            metrics.received(DtmfReception.MALFORMED);
            return;
        }
        int code = payload[offset] & 0xFF;
        boolean end = (payload[offset + 1] & 0x80) != 0;
        int volume = payload[offset + 1] & 0x3F;
        int duration = ((payload[offset + 2] & 0xFF) << 8) | (payload[offset + 3] & 0xFF);
        if (!ReceivedDtmf.isDigit(code)) {
            metrics.received(DtmfReception.NOT_DTMF);
            return;
        }
        ReceivedDtmf lostEnd = null;
        ReceivedDtmf ended = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            EventKey key = new EventKey(ssrc, timestamp, code);
            if (reported.contains(key)) {
                return; // a retransmitted end packet, or a late packet of a key already reported
            }
            Instant now = clock.instant();
            if (current != null && !current.key.equals(key)) {
                if (continues(key)) {
                    current.earlierSegments += FULL_DURATION;
                    current.key = key;
                    current.duration = 0;
                } else {
                    lostEnd = report(false);
                }
            }
            if (current == null) {
                current = new Current(key, clockRate);
                armTimeout(current);
            }
            current.duration = Math.max(current.duration, duration);
            current.volume = volume;
            current.lastPacket = now;
            if (end) {
                ended = report(true);
            }
        }
        deliver(lostEnd);
        deliver(ended);
    }

    /** Stops reporting: the bridge closed. A key under way is dropped. */
    synchronized void close() {
        closed = true;
        current = null;
        cancelTimeout();
    }

    /** The next segment of a long key: same sender and code, the last segment full, the timestamp 0xFFFF later. */
    private boolean continues(EventKey next) {
        EventKey last = current.key;
        return next.ssrc() == last.ssrc()
                && next.event() == last.event()
                && current.duration == FULL_DURATION
                && next.timestamp() == ((last.timestamp() + FULL_DURATION) & 0xFFFFFFFFL);
    }

    /** Under the lock: ends the current event and remembers it. */
    private ReceivedDtmf report(boolean endSeen) {
        Current event = current;
        current = null;
        cancelTimeout();
        if (reported.size() == REMEMBERED) {
            reported.removeFirst();
        }
        reported.addLast(event.key);
        metrics.received(endSeen ? DtmfReception.DETECTED : DtmfReception.END_LOST);
        return new ReceivedDtmf(ReceivedDtmf.digitOf(event.key.event()), event.durationMillis(), event.volume, endSeen);
    }

    /** Under the lock. */
    private void armTimeout(Current event) {
        cancelTimeout();
        if (timer != null) {
            timeout = timer.after(LOST_END_TIMEOUT_MILLIS, () -> timedOut(event));
        }
    }

    private void timedOut(Current event) {
        ReceivedDtmf lost = null;
        synchronized (this) {
            if (closed || current != event) {
                return;
            }
            long quiet = Duration.between(event.lastPacket, clock.instant()).toMillis();
            if (quiet >= LOST_END_TIMEOUT_MILLIS) {
                lost = report(false);
            } else {
                timeout = timer.after(LOST_END_TIMEOUT_MILLIS - quiet, () -> timedOut(event));
            }
        }
        deliver(lost);
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel();
            timeout = null;
        }
    }

    private void deliver(ReceivedDtmf key) {
        if (key != null) {
            sink.accept(key);
        }
    }
}
