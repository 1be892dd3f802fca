package dev.liaison.media.camel;

/** Hears the DTMF keys bridges detected in a leg's telephone-events. Called on a broker thread; must not block long. */
@FunctionalInterface
public interface DtmfReceivedListener {

    void dtmfReceived(DtmfReceived event);
}
