package dev.liaison.media.config;

import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.leg.LegFactory;

/**
 * How the broker's legs and bridges are built from its running resources: the one place that names the
 * implementations. The application uses {@link StandardBrokerAssembly}; a test binds its own {@code BrokerAssembly}
 * bean (for example one returning a fake {@link MediaBridges}) and the broker uses that instead.
 */
public interface BrokerAssembly {

    /** The leg factory the bridges open legs with: WebRTC legs on the mux, RTP legs on the port range. */
    LegFactory legs(BrokerResources resources);

    /**
     * The bridges, over {@code legs}. They report bridges they end on their own to {@code resources.events()} and
     * register their inactivity sweep with {@code resources.sweeps()}. When the result is {@link AutoCloseable} it is
     * closed when the broker stops.
     */
    MediaBridges bridges(LegFactory legs, BrokerResources resources);
}
