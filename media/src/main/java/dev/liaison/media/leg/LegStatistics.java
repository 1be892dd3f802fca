package dev.liaison.media.leg;

/**
 * Counters of one leg: what it received from its peer and sent to it. Loss, jitter and round-trip time come from RTP
 * sequence numbers and timestamps (RFC 3550 A.3 and A.8) and from RTCP receiver reports; -1 where not yet known.
 *
 * @param packetsReceived valid RTP packets received
 * @param bytesReceived their payload bytes
 * @param packetsSent RTP packets sent
 * @param bytesSent their payload bytes
 * @param packetsLost cumulative loss seen on the inbound stream
 * @param jitterMillis interarrival jitter of the inbound stream, in milliseconds
 * @param roundTripMillis round-trip time from the peer's receiver reports, in milliseconds
 * @param dropped inbound packets dropped (malformed, failed authentication, replayed, queue full)
 */
public record LegStatistics(
        long packetsReceived,
        long bytesReceived,
        long packetsSent,
        long bytesSent,
        long packetsLost,
        double jitterMillis,
        double roundTripMillis,
        long dropped) {

    public static final LegStatistics NONE = new LegStatistics(0, 0, 0, 0, 0, -1, -1, 0);
}
