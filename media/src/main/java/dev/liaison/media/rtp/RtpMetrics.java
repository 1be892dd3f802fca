package dev.liaison.media.rtp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Meters of every RTP leg together; tags name the direction, kind and reason, never a call (cardinality stays
 * fixed).
 */
final class RtpMetrics {
    private final Counter rtpIn;
    private final Counter rtcpIn;
    private final Counter rtpOut;
    private final Counter rtcpOut;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final Counter latched;
    private final Counter lost;
    private final DistributionSummary jitter;
    private final DistributionSummary roundTrip;
    private final Map<RtpDrop, Counter> droppedIn = new EnumMap<>(RtpDrop.class);
    private final Map<RtpDrop, Counter> droppedOut = new EnumMap<>(RtpDrop.class);

    RtpMetrics(MeterRegistry registry) {
        rtpIn = packets(registry, "in", "rtp");
        rtcpIn = packets(registry, "in", "rtcp");
        rtpOut = packets(registry, "out", "rtp");
        rtcpOut = packets(registry, "out", "rtcp");
        bytesIn = registry.counter("liaison.media.rtp.payload.bytes", "direction", "in");
        bytesOut = registry.counter("liaison.media.rtp.payload.bytes", "direction", "out");
        latched = registry.counter("liaison.media.rtp.latched");
        lost = registry.counter("liaison.media.rtp.lost");
        jitter = DistributionSummary.builder("liaison.media.rtp.jitter")
                .baseUnit("milliseconds")
                .description("interarrival jitter of inbound streams, sampled at each report")
                .register(registry);
        roundTrip = DistributionSummary.builder("liaison.media.rtp.round.trip")
                .baseUnit("milliseconds")
                .description("round-trip time from the peers' report blocks")
                .register(registry);
        for (RtpDrop drop : RtpDrop.values()) {
            droppedIn.put(drop, registry.counter("liaison.media.rtp.dropped", "direction", "in", "reason", drop.tag()));
            droppedOut.put(
                    drop, registry.counter("liaison.media.rtp.dropped", "direction", "out", "reason", drop.tag()));
        }
    }

    private static Counter packets(MeterRegistry registry, String direction, String kind) {
        return registry.counter("liaison.media.rtp.packets", "direction", direction, "kind", kind);
    }

    void received(boolean rtcp, int payloadBytes) {
        (rtcp ? rtcpIn : rtpIn).increment();
        if (!rtcp) {
            bytesIn.increment(payloadBytes);
        }
    }

    void sent(boolean rtcp, int payloadBytes) {
        (rtcp ? rtcpOut : rtpOut).increment();
        if (!rtcp) {
            bytesOut.increment(payloadBytes);
        }
    }

    void droppedIn(RtpDrop drop) {
        droppedIn.get(drop).increment();
    }

    void droppedOut(RtpDrop drop) {
        droppedOut.get(drop).increment();
    }

    void latched() {
        latched.increment();
    }

    void lost(long packets) {
        if (packets > 0) {
            lost.increment(packets);
        }
    }

    void jitter(double millis) {
        jitter.record(millis);
    }

    void roundTrip(double millis) {
        roundTrip.record(millis);
    }
}
