package dev.liaison.media.codec;

import io.micrometer.core.instrument.MeterRegistry;

/** Counters of dropped packets and concealed frames per transcoding direction. */
public final class TranscoderMetrics {
    private final MeterRegistry registry;

    public TranscoderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void dropped(String direction, TranscodeDrop reason) {
        registry.counter("liaison.media.transcoder.dropped", "direction", direction, "reason", reason.name())
                .increment();
    }

    void concealed(String direction) {
        registry.counter("liaison.media.transcoder.concealed", "direction", direction)
                .increment();
    }
}
