package dev.liaison.cti.api.identity;

/**
 * Cisco UCCE's enterprise-wide call key: RouterCallKeyDay and RouterCallKeyCallID (both UINT on the wire), which
 * together locate a routed call's records in the central controller. Both are unsigned 32-bit values.
 */
public record RouterCallKey(long day, long callId) implements VendorCallId {

    private static final long UINT_MAX = 0xFFFF_FFFFL;

    public RouterCallKey {
        if (day < 0 || day > UINT_MAX || callId < 0 || callId > UINT_MAX) {
            throw new IllegalArgumentException("RouterCallKey day and callId are unsigned 32-bit values");
        }
    }

    @Override
    public String system() {
        return "ucce";
    }

    @Override
    public String text() {
        return day + "-" + callId;
    }
}
