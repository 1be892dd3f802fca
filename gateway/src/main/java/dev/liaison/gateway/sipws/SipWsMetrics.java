package dev.liaison.gateway.sipws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Micrometer meters of SIP over WebSocket: {@code liaison.gateway.sipws.connections} (open WebSockets),
 * {@code liaison.gateway.sipws.registrations} (live bindings), {@code liaison.gateway.sipws.responses} (responses
 * sent, by {@code code}), {@code liaison.gateway.sipws.dropped} (frames dropped unanswered, by {@code reason}).
 */
final class SipWsMetrics {

    private final MeterRegistry meters;
    private final AtomicInteger connections = new AtomicInteger();

    SipWsMetrics(MeterRegistry meters, Supplier<Number> bindings) {
        this.meters = meters;
        Gauge.builder("liaison.gateway.sipws.connections", connections, AtomicInteger::get)
                .description("Open SIP-over-WebSocket connections")
                .register(meters);
        Gauge.builder("liaison.gateway.sipws.registrations", bindings)
                .description("Contacts registered over SIP over WebSocket")
                .register(meters);
    }

    void connected() {
        connections.incrementAndGet();
    }

    void disconnected() {
        connections.decrementAndGet();
    }

    int connections() {
        return connections.get();
    }

    /** Counts a response by its status code (requests are not counted). */
    void sent(String message) {
        if (message.startsWith("SIP/2.0 ") && message.length() >= 11) {
            Counter.builder("liaison.gateway.sipws.responses")
                    .description("SIP responses sent over WebSocket")
                    .tag("code", message.substring(8, 11))
                    .register(meters)
                    .increment();
        }
    }

    void dropped(String reason) {
        Counter.builder("liaison.gateway.sipws.dropped")
                .description("SIP-over-WebSocket frames dropped without a response")
                .tag("reason", reason)
                .register(meters)
                .increment();
    }
}
