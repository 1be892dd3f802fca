package dev.liaison.media.bridge;

import dev.liaison.media.bridge.MediaRefusedException.Reason;
import dev.liaison.media.codec.DtmfEventGenerator;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays DTMF digits into one side's RTP stream as RFC 4733 telephone events, one digit after the other: each digit is
 * an event with its own start timestamp (where the stream's timeline is when it starts), its packets sent in real time
 * one {@link #INTERVAL_MILLIS} apart (marker on the first, durations growing, the end packet three times), then a
 * {@link #GAP_MILLIS} pause before the next. The payload type and clock are the side's negotiated telephone-event.
 * Digits wait in a bounded queue while one plays. Thread-safe; packets go out on the timer's thread.
 */
final class DtmfPlayer {
    private static final Logger log = LoggerFactory.getLogger(DtmfPlayer.class);

    /** Between two packets of one event (RFC 4733 2.5.1.2 suggests 50 ms for DTMF). */
    static final int INTERVAL_MILLIS = 50;
    /** Silence between two events. */
    static final int GAP_MILLIS = 50;
    /** Digits that may wait behind the one playing. */
    static final int MAX_QUEUED = 64;

    private record Digit(char digit, int durationMillis) {}

    private final String bridgeId;
    private final BridgeSide side;
    private final Relay relay;
    private final DtmfTimer timer;
    private final BridgeMetrics metrics;
    private final Queue<Digit> queued = new ArrayDeque<>();
    /** The event playing now, or null when idle. */
    private Playing playing;

    private DtmfTimer.Scheduled next;
    private boolean closed;

    /** One digit on its way out. */
    private static final class Playing {
        final Relay.EventTarget target;
        final long timestamp;
        final List<DtmfEventGenerator.Step> steps;
        int index;

        Playing(Relay.EventTarget target, long timestamp, List<DtmfEventGenerator.Step> steps) {
            this.target = target;
            this.timestamp = timestamp;
            this.steps = steps;
        }
    }

    /**
     * @param side the side the events go to
     * @param relay the relay towards that side (its stream, its leg)
     */
    DtmfPlayer(String bridgeId, BridgeSide side, Relay relay, DtmfTimer timer, BridgeMetrics metrics) {
        this.bridgeId = bridgeId;
        this.side = side;
        this.relay = relay;
        this.timer = timer;
        this.metrics = metrics;
    }

    /**
     * Queues one digit; it starts at once when nothing plays.
     *
     * @throws IllegalArgumentException for a digit that is not 0-9, *, #, A-D, or a duration outside 40..5000 ms
     * @throws MediaRefusedException {@code NO_TELEPHONE_EVENT} when the side negotiated none, {@code MEDIA_NOT_FLOWING}
     *     when it receives no audio now, {@code UNAVAILABLE} when {@link #MAX_QUEUED} digits wait already or the bridge
     *     closed
     */
    synchronized void play(char digit, int durationMillis) {
        try {
            check(digit, durationMillis);
        } catch (RuntimeException e) {
            metrics.dtmf(DtmfOutcome.REFUSED);
            throw e;
        }
        queued.add(new Digit(digit, durationMillis));
        if (playing == null && next == null) {
            startNext();
        }
    }

    private void check(char digit, int durationMillis) {
        DtmfEventGenerator.check(digit, durationMillis);
        if (closed) {
            throw new MediaRefusedException(Reason.UNKNOWN_BRIDGE, "bridge " + bridgeId + " closed");
        }
        Relay.EventTarget target = relay.eventTarget();
        if (target == null) {
            throw new MediaRefusedException(
                    Reason.MEDIA_NOT_FLOWING, "side " + side + " of bridge " + bridgeId + " has no negotiated audio");
        }
        if (target.payloadType() < 0) {
            throw new MediaRefusedException(
                    Reason.NO_TELEPHONE_EVENT, "side " + side + " negotiated no telephone-event");
        }
        if (!target.receives()) {
            throw new MediaRefusedException(Reason.MEDIA_NOT_FLOWING, "side " + side + " receives no audio (on hold)");
        }
        if (!relay.targetReady()) {
            throw new MediaRefusedException(Reason.MEDIA_NOT_FLOWING, "side " + side + "'s leg is not connected");
        }
        if (queued.size() >= MAX_QUEUED) {
            throw new MediaRefusedException(Reason.UNAVAILABLE, MAX_QUEUED + " DTMF digits wait already");
        }
    }

    /** Stops playing; what is queued or half sent is dropped. Idempotent. */
    synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
        int cut = queued.size() + (playing == null ? 0 : 1);
        for (int i = 0; i < cut; i++) {
            metrics.dtmf(DtmfOutcome.CUT);
        }
        queued.clear();
        playing = null;
    }

    /** Digits waiting or playing (for tests). */
    synchronized int pending() {
        return queued.size() + (playing == null ? 0 : 1);
    }

    /** Under the lock: the next queued digit becomes an event starting now, its first packet due one interval on. */
    private void startNext() {
        next = null;
        while (!closed && !queued.isEmpty()) {
            Digit digit = queued.poll();
            Relay.EventTarget target = relay.eventTarget();
            if (target == null || target.payloadType() < 0 || !target.receives()) {
                log.info("bridge {}: DTMF '{}' towards side {} dropped, no telephone event now", bridgeId, digit, side);
                metrics.dtmf(DtmfOutcome.CUT);
                continue;
            }
            DtmfEventGenerator generator =
                    new DtmfEventGenerator(target.payloadType(), target.clockRate(), INTERVAL_MILLIS);
            playing = new Playing(
                    target, relay.startEvent(target), generator.steps(digit.digit(), digit.durationMillis()));
            schedule(playing.steps.get(0).dueMillis());
            return;
        }
    }

    private void schedule(long delayMillis) {
        next = timer.after(Math.max(0, delayMillis), this::tick);
    }

    /** On the timer: sends the packet due, then schedules the next one, the gap, or the next digit. */
    private synchronized void tick() {
        next = null;
        Playing current = playing;
        if (closed || current == null) {
            return;
        }
        DtmfEventGenerator.Step step = current.steps.get(current.index);
        boolean sent = relay.sendGenerated(
                current.target, step.marker(), current.timestamp, step.event().encode());
        current.index++;
        if (!sent && !step.event().end()) {
            // the side cannot take it now (renegotiated, on hold, leg gone): the digit is cut, the queue goes on
            log.info("bridge {}: DTMF towards side {} cut short", bridgeId, side);
            metrics.dtmf(DtmfOutcome.CUT);
            playing = null;
            next = timer.after(GAP_MILLIS, this::startLater);
            return;
        }
        if (current.index < current.steps.size()) {
            schedule(current.steps.get(current.index).dueMillis() - step.dueMillis());
            return;
        }
        metrics.dtmf(DtmfOutcome.PLAYED);
        playing = null;
        next = timer.after(GAP_MILLIS, this::startLater);
    }

    private synchronized void startLater() {
        next = null;
        if (!closed) {
            startNext();
        }
    }
}
