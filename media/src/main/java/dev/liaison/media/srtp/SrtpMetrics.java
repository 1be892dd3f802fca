package dev.liaison.media.srtp;

import io.micrometer.core.instrument.MeterRegistry;

/** Counters of SRTP/SRTCP packets that could not be protected or unprotected, by direction, kind and outcome. */
public final class SrtpMetrics {
    private final MeterRegistry registry;

    public SrtpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void dropped(String operation, String kind, SrtpOutcome outcome) {
        registry.counter("liaison.media.srtp.dropped", "operation", operation, "kind", kind, "outcome", outcome.name())
                .increment();
    }
}
