package dev.liaison.media.bridge;

/**
 * Hears the DTMF keys a bridge detected in the RFC 4733 telephone-events arriving on one of its legs (a phone's keypad,
 * a browser's {@code RTCDTMFSender}). The events themselves are still relayed to the other side as before; this only
 * reports them. Each key is reported once. Called on the leg's receiving thread or on the DTMF timer's thread (for a
 * key whose end packets were lost); must not block.
 */
@FunctionalInterface
public interface DtmfListener {

    /** Hears nothing: for brokers without an application listening for keys. */
    DtmfListener NONE = (bridgeId, callId, from, key) -> {};

    /**
     * @param from the side whose leg sent the events
     * @param key the key, its duration and volume
     */
    void received(String bridgeId, String callId, BridgeSide from, ReceivedDtmf key);
}
