package dev.liaison.media.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Packets for one DTMF key press (RFC 4733 2.5): a first packet with the marker bit, updates with a growing duration
 * every packet interval, then the end packet three times, one interval apart; all with the event's start timestamp.
 * {@link #steps} says when each packet is due, so a sender can space them in real time.
 */
public final class DtmfEventGenerator {
    static final int END_REPEATS = 3;
    private static final int DEFAULT_VOLUME = 10;
    /** The shortest and longest key press accepted, in milliseconds. */
    public static final int MIN_DURATION_MILLIS = 40;

    public static final int MAX_DURATION_MILLIS = 5000;

    /**
     * One packet of an event and when it is due.
     *
     * @param event the payload
     * @param marker true on the first packet of the event only
     * @param dueMillis when to send it, in milliseconds after the event's start: the duration it reports (an update
     *     says how long the key has been down when it leaves), then one interval more for each repeat of the end
     */
    public record Step(TelephoneEvent event, boolean marker, int dueMillis) {}

    private final int payloadType;
    private final int clockRate;
    private final int intervalMillis;

    public DtmfEventGenerator(int payloadType, int clockRate, int intervalMillis) {
        if (intervalMillis < 10 || intervalMillis > 100) {
            throw new IllegalArgumentException("packet interval must be 10..100 ms");
        }
        if (clockRate < 8000 || clockRate > 192_000) {
            throw new IllegalArgumentException("telephone-event clock must be 8000..192000 Hz, got " + clockRate);
        }
        this.payloadType = payloadType;
        this.clockRate = clockRate;
        this.intervalMillis = intervalMillis;
    }

    /**
     * @param digit the key
     * @param durationMillis how long the key is held (40 ms to 5 s)
     * @param firstSequence sequence number of the first packet
     * @param timestamp the event's RTP timestamp
     */
    public List<AudioPacket> generate(char digit, int durationMillis, int firstSequence, long timestamp) {
        List<AudioPacket> packets = new ArrayList<>();
        int seq = firstSequence;
        for (Step step : steps(digit, durationMillis)) {
            packets.add(new AudioPacket(
                    payloadType, seq++, timestamp, step.marker(), step.event().encode()));
        }
        return packets;
    }

    /**
     * The packets of one key press in the order they go out, each with the time it is due. The duration field is in
     * units of the clock (capped at 65535, the field's limit: about 1.3 s at 48 kHz, 8 s at 8 kHz).
     *
     * @throws IllegalArgumentException for a key that is not 0-9, *, #, A-D, or a duration outside 40..5000 ms
     */
    public List<Step> steps(char digit, int durationMillis) {
        int event = check(digit, durationMillis);
        int step = clockRate * intervalMillis / 1000;
        int total = (int) Math.min(0xFFFF, (long) clockRate * durationMillis / 1000);
        List<Step> steps = new ArrayList<>();
        for (int d = step; d < total; d += step) {
            steps.add(new Step(new TelephoneEvent(event, false, DEFAULT_VOLUME, d), steps.isEmpty(), millis(d)));
        }
        int end = millis(total);
        for (int i = 0; i < END_REPEATS; i++) {
            steps.add(new Step(
                    new TelephoneEvent(event, true, DEFAULT_VOLUME, total), steps.isEmpty(), end + i * intervalMillis));
        }
        return steps;
    }

    /**
     * Checks a key press before it is queued: returns the key's event code.
     *
     * @throws IllegalArgumentException for a key that is not 0-9, *, #, A-D, or a duration outside 40..5000 ms
     */
    public static int check(char digit, int durationMillis) {
        if (durationMillis < MIN_DURATION_MILLIS || durationMillis > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException(
                    "DTMF duration must be " + MIN_DURATION_MILLIS + ".." + MAX_DURATION_MILLIS + " ms");
        }
        return TelephoneEvent.forDigit(digit);
    }

    public int payloadType() {
        return payloadType;
    }

    public int clockRate() {
        return clockRate;
    }

    private int millis(int ticks) {
        return (int) ((long) ticks * 1000 / clockRate);
    }
}
