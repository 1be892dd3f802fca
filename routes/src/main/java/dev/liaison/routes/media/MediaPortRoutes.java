package dev.liaison.routes.media;

import dev.liaison.media.bridge.MediaRefusedException;
import dev.liaison.media.camel.MediaConstants;
import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The route every bridge operation of the gateway's {@link CamelMediaPort} takes: {@value #ENDPOINT} to
 * {@code media:bridge}. Sending through a route (with an id and the shared error policy) rather than straight to the
 * {@code media:} endpoint gives every exchange a route, so Camel's exchange-event meters carry the same tag keys
 * (with {@code routeId}) as every other exchange and the Prometheus registry takes them.
 */
public class MediaPortRoutes extends RouteBuilder {

    /** Where {@link CamelMediaPort} sends; the operation and its arguments are the {@code media:} headers. */
    public static final String ENDPOINT = "direct:media-port";

    static final String ROUTE_ID = "media-port";

    @Override
    public void configure() {
        // A refusal is an answer the gateway branches on (488, or DTMF out of band), not a failure to log as one.
        onException(MediaRefusedException.class)
                .handled(false)
                .log(
                        LoggingLevel.DEBUG,
                        "dev.liaison.routes.media",
                        "media ${header." + MediaConstants.OPERATION + "} refused: ${exception.message}");
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ErrorPolicy.ID).to("media:bridge");
    }
}
