package dev.liaison.cti.api.identity;

import java.util.Objects;

/** An ECMA-323 ConnectionID: the switch's callID together with the deviceID of the connection. */
public record CstaConnectionId(String callId, String deviceId) implements VendorCallId {

    public CstaConnectionId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(deviceId, "deviceId");
        if (callId.isBlank() || callId.length() > 64 || deviceId.length() > 64) {
            throw new IllegalArgumentException("A CSTA callID has 1 to 64 characters and a deviceID at most 64");
        }
    }

    @Override
    public String system() {
        return "csta";
    }

    @Override
    public String text() {
        return callId + "@" + deviceId;
    }
}
