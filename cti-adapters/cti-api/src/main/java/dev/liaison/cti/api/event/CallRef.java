package dev.liaison.cti.api.event;

import dev.liaison.cti.api.identity.CorrelationId;
import dev.liaison.cti.api.identity.VendorCallId;
import java.util.Objects;
import java.util.Optional;

/**
 * A call as an adapter names it: the vendor's handle ({@code callId}, unique on one link, e.g. a UCCE
 * PeripheralID:ConnectionCallID), the vendor's enterprise call identity when known (RouterCallKey, conversation ID) and
 * Liaison's correlation ID when the adapter could attach one.
 */
public record CallRef(VendorCallId callId, VendorCallId enterpriseId, CorrelationId correlationId) {

    public CallRef {
        Objects.requireNonNull(callId, "callId");
    }

    public static CallRef of(VendorCallId callId) {
        return new CallRef(callId, null, null);
    }

    public Optional<VendorCallId> enterprise() {
        return Optional.ofNullable(enterpriseId);
    }

    public Optional<CorrelationId> correlation() {
        return Optional.ofNullable(correlationId);
    }

    public CallRef withCorrelation(CorrelationId correlation) {
        return new CallRef(callId, enterpriseId, correlation);
    }
}
