package dev.liaison.media.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Packets for one DTMF key press (RFC 4733 2.5): a first packet with the marker bit, updates with a growing duration
 * every packet interval, then the end packet three times; all with the event's start timestamp.
 */
public final class DtmfEventGenerator {
    static final int END_REPEATS = 3;
    private static final int DEFAULT_VOLUME = 10;

    private final int payloadType;
    private final int clockRate;
    private final int intervalMillis;

    public DtmfEventGenerator(int payloadType, int clockRate, int intervalMillis) {
        if (intervalMillis < 10 || intervalMillis > 100) {
            throw new IllegalArgumentException("packet interval must be 10..100 ms");
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
        if (durationMillis < 40 || durationMillis > 5000) {
            throw new IllegalArgumentException("DTMF duration must be 40..5000 ms");
        }
        int event = TelephoneEvent.forDigit(digit);
        int step = clockRate * intervalMillis / 1000;
        int total = Math.min(0xFFFF, clockRate * durationMillis / 1000);
        List<AudioPacket> packets = new ArrayList<>();
        int seq = firstSequence;
        for (int d = step; d < total; d += step) {
            packets.add(
                    packet(seq++, timestamp, packets.isEmpty(), new TelephoneEvent(event, false, DEFAULT_VOLUME, d)));
        }
        for (int i = 0; i < END_REPEATS; i++) {
            packets.add(packet(
                    seq++, timestamp, packets.isEmpty(), new TelephoneEvent(event, true, DEFAULT_VOLUME, total)));
        }
        return packets;
    }

    private AudioPacket packet(int seq, long timestamp, boolean marker, TelephoneEvent event) {
        return new AudioPacket(payloadType, seq, timestamp, marker, event.encode());
    }
}
