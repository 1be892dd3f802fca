package dev.liaison.cti.api.identity;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The two-way mapping between Liaison's {@link CorrelationId} and the vendor's call identities. One correlation ID may
 * be known under several vendor IDs at once (a UCCE call has a peripheral call ID and, once routed, a RouterCallKey);
 * a vendor ID belongs to one correlation ID only. Bounded: at most {@code maxCalls} correlation IDs are held, a bind
 * beyond that fails with {@link CtiFailure#LIMIT_EXCEEDED} rather than growing without end. Thread-safe.
 */
public final class CallIdentityMap {

    private final int maxCalls;
    private final Map<VendorCallId, CorrelationId> byVendor = new HashMap<>();
    private final Map<CorrelationId, java.util.Set<VendorCallId>> byCorrelation = new HashMap<>();

    public CallIdentityMap(int maxCalls) {
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1");
        }
        this.maxCalls = maxCalls;
    }

    /**
     * Records that {@code vendorId} names the contact {@code correlationId}. Binding the same pair again is a no-op.
     *
     * @throws CtiException {@link CtiFailure#CONFLICT} when the vendor ID already belongs to another correlation ID,
     *     {@link CtiFailure#LIMIT_EXCEEDED} when {@code maxCalls} correlation IDs are already held
     */
    public synchronized void bind(CorrelationId correlationId, VendorCallId vendorId) throws CtiException {
        CorrelationId existing = byVendor.get(vendorId);
        if (existing != null && !existing.equals(correlationId)) {
            throw new CtiException(
                    CtiFailure.CONFLICT,
                    "Vendor call " + vendorId.text() + " already belongs to " + existing + ", not " + correlationId);
        }
        if (!byCorrelation.containsKey(correlationId) && byCorrelation.size() >= maxCalls) {
            throw new CtiException(
                    CtiFailure.LIMIT_EXCEEDED,
                    "Call identity map is full (" + maxCalls + " calls): release ended calls");
        }
        byVendor.put(vendorId, correlationId);
        byCorrelation
                .computeIfAbsent(correlationId, k -> new java.util.LinkedHashSet<>())
                .add(vendorId);
    }

    public synchronized Optional<CorrelationId> correlationOf(VendorCallId vendorId) {
        return Optional.ofNullable(byVendor.get(vendorId));
    }

    /** The vendor ID of the given family ({@link VendorCallId#system()}) and type bound to the correlation ID. */
    public synchronized <T extends VendorCallId> Optional<T> vendorIdOf(CorrelationId correlationId, Class<T> type) {
        var ids = byCorrelation.get(correlationId);
        if (ids == null) {
            return Optional.empty();
        }
        return ids.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Forgets the correlation ID and every vendor ID bound to it (the call ended); returns whether it was held. */
    public synchronized boolean release(CorrelationId correlationId) {
        var ids = byCorrelation.remove(correlationId);
        if (ids == null) {
            return false;
        }
        ids.forEach(byVendor::remove);
        return true;
    }

    public synchronized int size() {
        return byCorrelation.size();
    }
}
