package dev.liaison.cti.ucce.session;

import dev.liaison.cti.api.event.CallRef;
import dev.liaison.cti.api.identity.PeripheralCallId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live calls of one link, by peripheral call ID, and the calls that ended recently (so that a late or replayed
 * event for an ended call is recognised as a duplicate instead of starting a zombie). Both are bounded: beyond
 * {@code maxCalls} the oldest live call is forgotten and handed to the eviction callback (a call whose end was never
 * reported must not stay forever, nor its correlation).
 * Used only on the link's dispatcher thread.
 */
final class CallTracker {

    private static final int RECENTLY_ENDED = 1024;

    private final int maxCalls;
    private final Map<PeripheralCallId, TrackedCall> calls;
    private final Map<PeripheralCallId, Boolean> ended = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PeripheralCallId, Boolean> eldest) {
            return size() > RECENTLY_ENDED;
        }
    };

    CallTracker(int maxCalls, java.util.function.Consumer<TrackedCall> evicted) {
        this.maxCalls = maxCalls;
        this.calls = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PeripheralCallId, TrackedCall> eldest) {
                boolean evict = size() > CallTracker.this.maxCalls;
                if (evict) {
                    ended.put(eldest.getKey(), Boolean.TRUE);
                    evicted.accept(eldest.getValue());
                }
                return evict;
            }
        };
    }

    synchronized TrackedCall get(PeripheralCallId id) {
        return calls.get(id);
    }

    /** The tracked call, created when new; null when the call ended recently (its events are late duplicates). */
    synchronized TrackedCall track(PeripheralCallId id) {
        if (ended.containsKey(id)) {
            return null;
        }
        return calls.computeIfAbsent(id, k -> new TrackedCall(CallRef.of(k)));
    }

    /** Moves the call to {@code next} when its phase allows it; false means the event is a duplicate. */
    synchronized boolean advance(TrackedCall call, CallPhase next) {
        if (!call.phase.canMoveTo(next)) {
            return false;
        }
        call.phase = next;
        return true;
    }

    synchronized void end(PeripheralCallId id) {
        calls.remove(id);
        ended.put(id, Boolean.TRUE);
    }

    /** The call moved to a new ID (transfer): the old ID ends, the new one takes over the tracked state. */
    synchronized void rename(PeripheralCallId from, PeripheralCallId to, TrackedCall call) {
        calls.remove(from);
        ended.put(from, Boolean.TRUE);
        calls.put(to, call);
    }

    synchronized List<TrackedCall> active() {
        return new ArrayList<>(calls.values());
    }

    synchronized int size() {
        return calls.size();
    }
}
