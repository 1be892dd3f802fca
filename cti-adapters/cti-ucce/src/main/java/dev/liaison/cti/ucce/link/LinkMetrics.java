package dev.liaison.cti.ucce.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one link, tagged {@code adapter=ucce} and {@code link=<name>}: connected (gauge 0/1), opens by side,
 * reconnects, events by type (rate = events/s), duplicate and resynced events, malformed frames by reason, ignored
 * frames, heartbeat timeouts, request latency and failures. docs/cti-ucce-component.md lists them.
 */
public final class LinkMetrics {

    private final MeterRegistry registry;
    private final Tags tags;
    private final AtomicInteger connected = new AtomicInteger();

    public LinkMetrics(MeterRegistry registry, String link) {
        this.registry = registry;
        this.tags = Tags.of("adapter", "ucce", "link", link);
        Gauge.builder("liaison.cti.link.connected", connected, AtomicInteger::get)
                .description("1 while the CTI link is open (OPEN_CONF received), else 0")
                .tags(tags)
                .register(registry);
    }

    void connected(boolean open) {
        connected.set(open ? 1 : 0);
    }

    public boolean isConnected() {
        return connected.get() == 1;
    }

    void opened(Side side) {
        registry.counter("liaison.cti.link.opens", tags.and("side", side.name()))
                .increment();
    }

    void reconnect() {
        registry.counter("liaison.cti.link.reconnects", tags).increment();
    }

    public void event(String type) {
        registry.counter("liaison.cti.events", tags.and("type", type)).increment();
    }

    public void duplicate(String type) {
        registry.counter("liaison.cti.events.duplicates", tags.and("type", type))
                .increment();
    }

    public void resynced(String type) {
        registry.counter("liaison.cti.events.resynced", tags.and("type", type)).increment();
    }

    void malformed(String reason) {
        registry.counter("liaison.cti.frames.malformed", tags.and("reason", reason))
                .increment();
    }

    void ignored(String messageType) {
        registry.counter("liaison.cti.frames.ignored", tags.and("message", messageType))
                .increment();
    }

    void heartbeatTimeout() {
        registry.counter("liaison.cti.heartbeat.timeouts", tags).increment();
    }

    void requestLatency(String message, Duration latency) {
        Timer.builder("liaison.cti.request.latency")
                .tags(tags.and("message", message))
                .register(registry)
                .record(latency);
    }

    void requestFailed(String message, String failure) {
        registry.counter("liaison.cti.request.failures", tags.and("message", message, "failure", failure))
                .increment();
    }

    /** Reads a counter of this link (for the health check and tests); 0 when it was never incremented. */
    public double count(String name, String... extraTags) {
        Counter c = registry.find(name).tags(tags.and(extraTags)).counter();
        return c == null ? 0 : c.count();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
