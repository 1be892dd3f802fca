package dev.liaison.media.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/** A {@code media:bridge} endpoint (produce bridge commands) or {@code media:events} endpoint (consume bridge ends). */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "media",
        title = "Liaison Media",
        syntax = "media:channel",
        category = {Category.NETWORKING},
        headersClass = MediaConstants.class)
public class MediaEndpoint extends DefaultEndpoint {

    @UriParam
    private final MediaConfiguration configuration;

    private final MediaChannel channel;

    MediaEndpoint(String uri, MediaComponent component, MediaConfiguration configuration, MediaChannel channel) {
        super(uri, component);
        this.configuration = configuration;
        this.channel = channel;
    }

    @Override
    public MediaComponent getComponent() {
        return (MediaComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (channel != MediaChannel.BRIDGE) {
            throw new IllegalArgumentException("media:" + channel.path() + " cannot be sent to; send to media:bridge");
        }
        return new MediaProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (channel != MediaChannel.EVENTS) {
            throw new IllegalArgumentException("media:" + channel.path() + " cannot be consumed; consume media:events");
        }
        MediaConsumer consumer = new MediaConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public MediaConfiguration getConfiguration() {
        return configuration;
    }

    public MediaChannel getChannel() {
        return channel;
    }

    /** Producer: the operation when the LiaisonMediaOperation header is absent. */
    public void setOperation(String operation) {
        if (operation != null) {
            MediaOperation.parse(operation);
        }
        configuration.setOperation(operation);
    }

    public String getOperation() {
        return configuration.getOperation();
    }
}
