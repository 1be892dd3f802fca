package dev.liaison.media.webrtc;

import dev.liaison.media.leg.LegEndReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The meters of every WebRTC leg together (per-leg numbers are in {@link dev.liaison.media.leg.LegStatistics}; a tag
 * per leg would grow without bound). Counters are looked up once, not per packet.
 */
final class WebRtcMetrics {
    private final MeterRegistry registry;
    private final Counter rtpReceived;
    private final Counter rtcpReceived;
    private final Counter rtpSent;
    private final Counter rtcpSent;
    private final Counter bytesReceived;
    private final Counter bytesSent;
    private final Counter reportsSent;
    private final DistributionSummary jitter;
    private final DistributionSummary roundTrip;
    private final Map<MediaDrop, Counter> droppedInbound = new EnumMap<>(MediaDrop.class);
    private final Map<MediaDrop, Counter> droppedOutbound = new EnumMap<>(MediaDrop.class);
    private final Map<LegEndReason, Counter> ended = new EnumMap<>(LegEndReason.class);

    WebRtcMetrics(MeterRegistry registry) {
        this.registry = registry;
        rtpReceived = packets("received", "rtp");
        rtcpReceived = packets("received", "rtcp");
        rtpSent = packets("sent", "rtp");
        rtcpSent = packets("sent", "rtcp");
        bytesReceived = registry.counter("liaison.media.webrtc.bytes", "direction", "received");
        bytesSent = registry.counter("liaison.media.webrtc.bytes", "direction", "sent");
        reportsSent = registry.counter("liaison.media.webrtc.rtcp.reports");
        jitter = DistributionSummary.builder("liaison.media.webrtc.jitter")
                .baseUnit("milliseconds")
                .description("interarrival jitter of the browsers' inbound streams, sampled at each report")
                .register(registry);
        roundTrip = DistributionSummary.builder("liaison.media.webrtc.round.trip")
                .baseUnit("milliseconds")
                .description("round-trip time from the browsers' report blocks about the broker's sender reports")
                .register(registry);
        for (MediaDrop drop : MediaDrop.values()) {
            droppedInbound.put(drop, dropCounter("received", drop));
            droppedOutbound.put(drop, dropCounter("sent", drop));
        }
        for (LegEndReason reason : LegEndReason.values()) {
            ended.put(reason, registry.counter("liaison.media.webrtc.ended", "reason", reason.name()));
        }
    }

    MeterRegistry registry() {
        return registry;
    }

    void received(boolean rtcp, int payloadBytes) {
        (rtcp ? rtcpReceived : rtpReceived).increment();
        if (!rtcp) {
            bytesReceived.increment(payloadBytes);
        }
    }

    void sent(boolean rtcp, int payloadBytes) {
        (rtcp ? rtcpSent : rtpSent).increment();
        if (!rtcp) {
            bytesSent.increment(payloadBytes);
        }
    }

    /** The leg sent one of its own RTCP reports; {@code jitterMillis} is its inbound jitter then (-1: unknown). */
    void reportSent(double jitterMillis) {
        reportsSent.increment();
        if (jitterMillis >= 0) {
            jitter.record(jitterMillis);
        }
    }

    void roundTrip(double millis) {
        roundTrip.record(millis);
    }

    void droppedInbound(MediaDrop reason) {
        droppedInbound.get(reason).increment();
    }

    void droppedOutbound(MediaDrop reason) {
        droppedOutbound.get(reason).increment();
    }

    void ended(LegEndReason reason) {
        ended.get(reason).increment();
    }

    private Counter packets(String direction, String kind) {
        return registry.counter("liaison.media.webrtc.packets", "direction", direction, "kind", kind);
    }

    private Counter dropCounter(String direction, MediaDrop drop) {
        return registry.counter(
                "liaison.media.webrtc.dropped",
                "direction",
                direction,
                "reason",
                drop.name().toLowerCase(Locale.ROOT));
    }
}
