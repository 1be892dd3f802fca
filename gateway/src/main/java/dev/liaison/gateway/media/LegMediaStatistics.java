package dev.liaison.gateway.media;

/**
 * The counters of one of the broker's legs of a call, as the broker measured the peer on that leg: what it received
 * from the peer and sent to it. Loss, jitter and round-trip time are -1 where the broker does not know them (yet).
 *
 * @param packetsReceived RTP packets the broker received from this peer
 * @param bytesReceived their payload bytes
 * @param packetsSent RTP packets the broker sent to this peer
 * @param bytesSent their payload bytes
 * @param packetsLost cumulative loss of the peer's stream as the broker saw it, or -1
 * @param jitterMs interarrival jitter of the peer's stream in milliseconds, or -1
 * @param rttMs round-trip time to the peer from RTCP reports in milliseconds, or -1
 */
public record LegMediaStatistics(
        long packetsReceived,
        long bytesReceived,
        long packetsSent,
        long bytesSent,
        long packetsLost,
        double jitterMs,
        double rttMs) {

    /** Nothing counted, nothing known (a leg not open yet). */
    public static final LegMediaStatistics UNKNOWN = new LegMediaStatistics(0, 0, 0, 0, -1, -1, -1);
}
