package dev.liaison.media.camel;

/** Hears bridges the broker ended on its own. Called on a broker thread; must not block for long. */
@FunctionalInterface
public interface BridgeEndedListener {

    void bridgeEnded(BridgeEnded event);
}
