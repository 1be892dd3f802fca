package dev.liaison.media.bridge;

import dev.liaison.media.leg.LegEndReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The bridges' meters; no per-call tags. Counters are looked up once. */
final class BridgeMetrics {
    static final String OPEN = "liaison.media.bridge.open";
    static final String RELAYED = "liaison.media.bridge.relayed";
    static final String DROPPED = "liaison.media.bridge.dropped";
    static final String RTCP_FORWARDED = "liaison.media.bridge.rtcp.forwarded";
    static final String ENDED = "liaison.media.bridge.ended";
    static final String DTMF_PACKETS = "liaison.media.bridge.dtmf.packets";
    static final String DTMF_DIGITS = "liaison.media.bridge.dtmf.digits";
    static final String DTMF_RECEIVED = "liaison.media.bridge.dtmf.received";

    private final Counter passThrough;
    private final Counter transcoded;
    private final Counter rtcpForwarded;
    private final Counter dtmfPackets;
    private final Map<DtmfOutcome, Counter> dtmfDigits = new EnumMap<>(DtmfOutcome.class);
    private final Map<DtmfReception, Counter> dtmfReceived = new EnumMap<>(DtmfReception.class);
    private final Map<RelayDrop, Counter> drops = new EnumMap<>(RelayDrop.class);
    private final Map<LegEndReason, Counter> endings = new EnumMap<>(LegEndReason.class);

    BridgeMetrics(MeterRegistry registry, Supplier<Number> open) {
        Gauge.builder(OPEN, open).description("bridges open").register(registry);
        passThrough = registry.counter(RELAYED, "mode", "pass-through");
        transcoded = registry.counter(RELAYED, "mode", "transcode");
        rtcpForwarded = registry.counter(RTCP_FORWARDED);
        dtmfPackets = Counter.builder(DTMF_PACKETS)
                .description("RFC 4733 telephone-event packets the bridges generated and sent")
                .register(registry);
        for (DtmfOutcome outcome : DtmfOutcome.values()) {
            dtmfDigits.put(
                    outcome,
                    Counter.builder(DTMF_DIGITS)
                            .description("DTMF digits asked of the bridges, by outcome")
                            .tag("outcome", outcome.tag())
                            .register(registry));
        }
        for (DtmfReception outcome : DtmfReception.values()) {
            dtmfReceived.put(
                    outcome,
                    Counter.builder(DTMF_RECEIVED)
                            .description("Keys detected in the telephone-events legs sent, and packets ignored")
                            .tag("outcome", outcome.tag())
                            .register(registry));
        }
        for (RelayDrop reason : RelayDrop.values()) {
            drops.put(reason, registry.counter(DROPPED, "reason", reason.name()));
        }
        for (LegEndReason reason : LegEndReason.values()) {
            endings.put(reason, registry.counter(ENDED, "reason", reason.name()));
        }
    }

    void relayed(boolean transcode) {
        (transcode ? transcoded : passThrough).increment();
    }

    void dropped(RelayDrop reason) {
        drops.get(reason).increment();
    }

    void rtcpForwarded() {
        rtcpForwarded.increment();
    }

    void generated() {
        dtmfPackets.increment();
    }

    void dtmf(DtmfOutcome outcome) {
        dtmfDigits.get(outcome).increment();
    }

    void received(DtmfReception outcome) {
        dtmfReceived.get(outcome).increment();
    }

    void ended(LegEndReason reason) {
        endings.get(reason).increment();
    }
}
