package dev.liaison.gateway.client;

import dev.liaison.gateway.client.session.ClientSessionRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer meters of the client protocol: {@code liaison.gateway.client.sessions} (live sessions, active and
 * detached), {@code liaison.gateway.client.calls} (live client call legs), {@code liaison.gateway.client.connections}
 * (open WebSockets), {@code liaison.gateway.client.messages} (by {@code direction} and {@code type}) and
 * {@code liaison.gateway.client.errors} (by {@code code}).
 */
public final class ClientMetrics {

    private final MeterRegistry meters;
    private final AtomicInteger connections = new AtomicInteger();

    public ClientMetrics(MeterRegistry meters, ClientSessionRegistry registry) {
        this.meters = meters;
        Gauge.builder("liaison.gateway.client.sessions", registry, ClientSessionRegistry::sessionCount)
                .description("Live client sessions (active and detached)")
                .register(meters);
        Gauge.builder("liaison.gateway.client.calls", registry, ClientSessionRegistry::legCount)
                .description("Live client call legs")
                .register(meters);
        Gauge.builder("liaison.gateway.client.connections", connections, AtomicInteger::get)
                .description("Open client WebSockets")
                .register(meters);
    }

    void connected() {
        connections.incrementAndGet();
    }

    void disconnected() {
        connections.decrementAndGet();
    }

    void received(String type) {
        counter("in", type).increment();
    }

    void sent(String type) {
        counter("out", type).increment();
    }

    void error(String code) {
        Counter.builder("liaison.gateway.client.errors")
                .description("Error messages sent to clients")
                .tag("code", code)
                .register(meters)
                .increment();
    }

    private Counter counter(String direction, String type) {
        return Counter.builder("liaison.gateway.client.messages")
                .description("Client protocol messages")
                .tag("direction", direction)
                .tag("type", type)
                .register(meters);
    }
}
