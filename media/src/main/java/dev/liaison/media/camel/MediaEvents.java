package dev.liaison.media.camel;

import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.ReceivedDtmf;
import dev.liaison.media.leg.LegEndReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the broker's bridges report that they ended a bridge on their own, and the DTMF keys they detected in a leg's
 * telephone-events; every {@code media:events} consumer (and any other {@link BridgeEndedListener} or
 * {@link DtmfReceivedListener}) hears it. The bridges get {@link #bridgeEnded(String, String, LegEndReason)} as their
 * end callback and {@link #dtmfReceived(String, String, BridgeSide, ReceivedDtmf)} as their DTMF listener.
 * Thread-safe; a failing listener is logged and does not stop the others.
 */
public final class MediaEvents {

    private static final Logger log = LoggerFactory.getLogger(MediaEvents.class);

    private final List<BridgeEndedListener> listeners = new CopyOnWriteArrayList<>();
    private final List<DtmfReceivedListener> dtmfListeners = new CopyOnWriteArrayList<>();
    private final Counter unheard;
    private final Counter unheardDtmf;
    private final MeterRegistry meters;

    public MediaEvents() {
        this(new SimpleMeterRegistry());
    }

    public MediaEvents(MeterRegistry meters) {
        this.meters = meters;
        this.unheard = Counter.builder("liaison.media.events.unheard")
                .description("Bridge-ended events with no listener (no media:events route)")
                .register(meters);
        this.unheardDtmf = Counter.builder("liaison.media.events.dtmf.unheard")
                .description("DTMF keys received in the media with no listener (no media:events route)")
                .register(meters);
    }

    public void addListener(BridgeEndedListener listener) {
        listeners.add(listener);
    }

    public void removeListener(BridgeEndedListener listener) {
        listeners.remove(listener);
    }

    public void addDtmfListener(DtmfReceivedListener listener) {
        dtmfListeners.add(listener);
    }

    public void removeDtmfListener(DtmfReceivedListener listener) {
        dtmfListeners.remove(listener);
    }

    /** Listeners registered now, of both kinds (tests check consumers unregister). */
    public int listenerCount() {
        return listeners.size() + dtmfListeners.size();
    }

    /** Bridge {@code bridgeId}, opened for {@code callId}, detected {@code key} in the events side {@code from} sent. */
    public void dtmfReceived(String bridgeId, String callId, BridgeSide from, ReceivedDtmf key) {
        DtmfReceived event = new DtmfReceived(bridgeId, callId, from, key);
        if (dtmfListeners.isEmpty()) {
            unheardDtmf.increment();
            log.debug("Bridge {} of call {}: key {} from side {} and nobody listens", bridgeId, callId, key, from);
            return;
        }
        for (DtmfReceivedListener listener : dtmfListeners) {
            try {
                listener.dtmfReceived(event);
            } catch (RuntimeException e) {
                log.error("Bridge {} of call {}: listener failed on dtmf.received", bridgeId, callId, e);
            }
        }
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
