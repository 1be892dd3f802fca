package dev.liaison.gateway.camel;

import dev.liaison.gateway.call.B2bua;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code gateway:} Camel component: the routes receive call events from the gateway's back-to-back user agent and
 * send it commands. URI: {@code gateway:calls[?options]}.
 */
public class GatewayComponent extends DefaultComponent {

    /** The back-to-back user agent whose calls the endpoints see and command. */
    @Metadata(autowired = true, required = true)
    private B2bua b2bua;

    /** Options every endpoint starts from; each endpoint gets its own copy. */
    @Metadata
    private GatewayConfiguration configuration = new GatewayConfiguration();

    public GatewayComponent() {}

    public GatewayComponent(B2bua b2bua) {
        this.b2bua = b2bua;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (b2bua == null) {
            throw new IllegalStateException("The gateway component has no B2bua: set it before creating endpoints");
        }
        GatewayConfiguration config = configuration.copy();
        config.setChannel(GatewayChannel.parse(remaining).name().toLowerCase(java.util.Locale.ROOT));
        GatewayEndpoint endpoint = new GatewayEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public B2bua getB2bua() {
        return b2bua;
    }

    public void setB2bua(B2bua b2bua) {
        this.b2bua = b2bua;
    }

    public GatewayConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(GatewayConfiguration configuration) {
        this.configuration = configuration;
    }
}
