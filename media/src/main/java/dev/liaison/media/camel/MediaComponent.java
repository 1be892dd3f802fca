package dev.liaison.media.camel;

import dev.liaison.media.bridge.MediaBridges;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code media:} Camel component: the only way the rest of Liaison reaches the media broker. URIs:
 * {@code media:bridge[?operation=...]} (producer: open, offer, answer, close a call's bridge) and {@code media:events}
 * (consumer: bridges the broker ended on its own). docs/media-component.md describes options and headers.
 */
public class MediaComponent extends DefaultComponent {

    /** The broker's bridges, which the producer commands. */
    @Metadata(autowired = true, required = true)
    private MediaBridges bridges;

    /** Where the broker reports bridges it ended; needed by {@code media:events} consumers only. */
    @Metadata(autowired = true)
    private MediaEvents events;

    /** Options every endpoint starts from; each endpoint gets its own copy. */
    @Metadata
    private MediaConfiguration configuration = new MediaConfiguration();

    public MediaComponent() {}

    public MediaComponent(MediaBridges bridges, MediaEvents events) {
        this.bridges = bridges;
        this.events = events;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MediaChannel channel = MediaChannel.parse(remaining);
        autowire();
        if (channel == MediaChannel.BRIDGE && bridges == null) {
            throw new IllegalStateException(
                    "The media component has no MediaBridges: set it or bind one in the registry");
        }
        if (channel == MediaChannel.EVENTS && events == null) {
            throw new IllegalStateException(
                    "The media component has no MediaEvents: set it or bind one in the registry");
        }
        MediaConfiguration config = configuration.copy();
        config.setChannel(channel.path());
        MediaEndpoint endpoint = new MediaEndpoint(uri, this, config, channel);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * Without a generated configurer Camel does not autowire {@code @Metadata(autowired = true)} options; the component
     * looks the single {@link MediaBridges} and {@link MediaEvents} up in the registry itself when they were not set.
     */
    private synchronized void autowire() {
        if (bridges == null) {
            bridges = getCamelContext().getRegistry().findSingleByType(MediaBridges.class);
        }
        if (events == null) {
            events = getCamelContext().getRegistry().findSingleByType(MediaEvents.class);
        }
    }

    public MediaBridges getBridges() {
        return bridges;
    }

    public void setBridges(MediaBridges bridges) {
        this.bridges = bridges;
    }

    public MediaEvents getEvents() {
        return events;
    }

    public void setEvents(MediaEvents events) {
        this.events = events;
    }

    public MediaConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MediaConfiguration configuration) {
        this.configuration = configuration;
    }
}
