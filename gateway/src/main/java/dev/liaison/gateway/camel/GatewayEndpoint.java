package dev.liaison.gateway.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/** A {@code gateway:calls} endpoint: consume call events, or produce call commands. */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "gateway",
        title = "Liaison Gateway",
        syntax = "gateway:channel",
        category = {Category.NETWORKING},
        headersClass = GatewayConstants.class)
public class GatewayEndpoint extends DefaultEndpoint {

    @UriParam
    private final GatewayConfiguration configuration;

    GatewayEndpoint(String uri, GatewayComponent component, GatewayConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public GatewayComponent getComponent() {
        return (GatewayComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new GatewayProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        GatewayConsumer consumer = new GatewayConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public GatewayConfiguration getConfiguration() {
        return configuration;
    }

    /** Consumer: the event types to receive, comma-separated; empty means all. */
    public void setEvents(String events) {
        configuration.setEvents(events);
    }

    public String getEvents() {
        return configuration.getEvents();
    }

    /** Producer: the command when the LiaisonGatewayCommand header is absent. */
    public void setCommand(String command) {
        if (command != null) {
            GatewayCommand.parse(command);
        }
        configuration.setCommand(command);
    }

    public String getCommand() {
        return configuration.getCommand();
    }
}
