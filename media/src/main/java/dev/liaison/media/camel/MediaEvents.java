package dev.liaison.media.camel;

import dev.liaison.media.leg.LegEndReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the broker's bridges report that they ended a bridge on their own; every {@code media:events} consumer (and any
 * other {@link BridgeEndedListener}) hears it. The bridges get {@link #bridgeEnded(String, String, LegEndReason)} as
 * their end callback. Thread-safe; a failing listener is logged and does not stop the others.
 */
public final class MediaEvents {

    private static final Logger log = LoggerFactory.getLogger(MediaEvents.class);

    private final List<BridgeEndedListener> listeners = new CopyOnWriteArrayList<>();
    private final Counter unheard;
    private final MeterRegistry meters;

    public MediaEvents() {
        this(new SimpleMeterRegistry());
    }

    public MediaEvents(MeterRegistry meters) {
        this.meters = meters;
        this.unheard = Counter.builder("liaison.media.events.unheard")
                .description("Bridge-ended events with no listener (no media:events route)")
                .register(meters);
    }

    public void addListener(BridgeEndedListener listener) {
        listeners.add(listener);
    }

    public void removeListener(BridgeEndedListener listener) {
        listeners.remove(listener);
    }

    /** Listeners registered now (tests check consumers unregister). */
    public int listenerCount() {
        return listeners.size();
    }

    /** The broker ended {@code bridgeId}, opened for {@code callId}, because a leg stopped with {@code reason}. */
    public void bridgeEnded(String bridgeId, String callId, LegEndReason reason) {
        BridgeEnded event = new BridgeEnded(bridgeId, callId, reason);
        meters.counter("liaison.media.bridges.ended", "reason", event.reasonCode())
                .increment();
        if (listeners.isEmpty()) {
            unheard.increment();
            log.warn("Bridge {} of call {} ended ({}) and nobody listens to media:events", bridgeId, callId, reason);
            return;
        }
        for (BridgeEndedListener listener : listeners) {
            try {
                listener.bridgeEnded(event);
            } catch (RuntimeException e) {
                log.error("Bridge {} of call {}: listener failed on bridge-ended", bridgeId, callId, e);
            }
        }
    }
}
