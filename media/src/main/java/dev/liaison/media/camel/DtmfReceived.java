package dev.liaison.media.camel;

import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.ReceivedDtmf;
import java.util.Objects;

/**
 * A bridge detected one DTMF key in the RFC 4733 telephone-events a leg sent (the events are relayed to the other side
 * as well); each key is reported once.
 *
 * @param bridgeId the bridge, as {@code open} returned it
 * @param callId the call the bridge was opened for
 * @param side the side whose leg sent the key, A (the caller) or B (the callee)
 * @param key the digit (0-9, *, #, A-D), how long it was held, its volume, whether its end packet arrived
 */
public record DtmfReceived(String bridgeId, String callId, BridgeSide side, ReceivedDtmf key) {

    public DtmfReceived {
        Objects.requireNonNull(bridgeId, "bridgeId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(key, "key");
    }
}
