package dev.liaison.media.dtls;

import io.micrometer.core.instrument.MeterRegistry;

/** Counters of DTLS handshakes by outcome and of dropped inbound datagrams by reason. */
public final class DtlsMetrics {
    private final MeterRegistry registry;

    public DtlsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void handshakeSucceeded(DtlsRole role) {
        registry.counter("liaison.media.dtls.handshakes", "role", role.name(), "outcome", "SUCCESS")
                .increment();
    }

    void handshakeFailed(DtlsRole role, DtlsFailure failure) {
        registry.counter("liaison.media.dtls.handshakes", "role", role.name(), "outcome", failure.name())
                .increment();
    }

    void dropped(InboundDrop reason) {
        registry.counter("liaison.media.dtls.inbound.dropped", "reason", reason.name())
                .increment();
    }
}
