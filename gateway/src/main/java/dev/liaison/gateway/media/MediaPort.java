package dev.liaison.gateway.media;

/**
 * The gateway's view of the media broker. The broker itself lives in the {@code media} module and is reached only
 * through its {@code media:} Camel endpoint; the routes application provides the implementation of this port that
 * calls it. Tests use a test double.
 */
public interface MediaPort {

    /** Open a bridge for one call: the broker end-point pair that relays media between the call's two legs. */
    MediaBridge openBridge(String callId);
}
