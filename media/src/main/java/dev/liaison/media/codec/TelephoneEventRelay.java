package dev.liaison.media.codec;

/**
 * Passes RFC 4733 events from one leg to the other: the payload type is mapped, and when the two legs' telephone-event
 * clocks differ (48000 in the browser, 8000 on the phone) the timestamp and the duration field are rescaled.
 */
public final class TelephoneEventRelay {
    private final int inPayloadType;
    private final int outPayloadType;
    private final int inClockRate;
    private final int outClockRate;
    private final TranscoderMetrics metrics;

    public TelephoneEventRelay(
            int inPayloadType, int inClockRate, int outPayloadType, int outClockRate, TranscoderMetrics metrics) {
        this.inPayloadType = inPayloadType;
        this.outPayloadType = outPayloadType;
        this.inClockRate = inClockRate;
        this.outClockRate = outClockRate;
        this.metrics = metrics;
    }

    public boolean handles(AudioPacket packet) {
        return packet.payloadType() == inPayloadType;
    }

    /** The packet for the other leg; null (counted) when the payload is not a telephone event. */
    public AudioPacket relay(AudioPacket in, long outTimestamp) {
        if (in.payloadType() != inPayloadType || in.payload().length < TelephoneEvent.LENGTH) {
            metrics.dropped("telephone-event", TranscodeDrop.UNDECODABLE);
            return null;
        }
        TelephoneEvent event = TelephoneEvent.decode(in.payload());
        int duration = (int) Math.min(0xFFFF, (long) event.duration() * outClockRate / inClockRate);
        TelephoneEvent mapped = new TelephoneEvent(event.event(), event.end(), event.volume(), duration);
        return new AudioPacket(outPayloadType, in.sequence(), outTimestamp, in.marker(), mapped.encode());
    }

    /** Converts an inbound timestamp offset into the outbound clock. */
    public long scale(long inTimestampOffset) {
        return inTimestampOffset * outClockRate / inClockRate;
    }
}
