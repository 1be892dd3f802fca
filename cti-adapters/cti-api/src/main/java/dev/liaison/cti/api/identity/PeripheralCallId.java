package dev.liaison.cti.api.identity;

/**
 * Cisco UCCE's per-peripheral call handle: the PeripheralID plus the ConnectionCallID the peripheral assigned. Every
 * UCCE call event carries it, also for calls that were not routed and so have no {@link RouterCallKey}.
 */
public record PeripheralCallId(long peripheralId, long connectionCallId) implements VendorCallId {

    @Override
    public String system() {
        return "ucce";
    }

    @Override
    public String text() {
        return peripheralId + ":" + connectionCallId;
    }
}
