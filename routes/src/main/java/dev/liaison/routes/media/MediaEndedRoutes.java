package dev.liaison.routes.media;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallNotFoundException;
import dev.liaison.media.camel.BridgeEnded;
import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the media broker ends a bridge on its own (consent expired, DTLS failed, no media), the call it carried is hung
 * up through the gateway with a media reason: {@code media-consent-expired}, {@code media-dtls-failed},
 * {@code media-timeout} or {@code media-failed}. A call that already ended is left alone.
 */
public class MediaEndedRoutes extends RouteBuilder {

    static final String ROUTE_ID = "media-bridge-ended";

    private static final Logger log = LoggerFactory.getLogger(MediaEndedRoutes.class);

    private final B2bua b2bua;

    public MediaEndedRoutes(B2bua b2bua) {
        this.b2bua = b2bua;
    }

    @Override
    public void configure() {
        from("media:events")
                .routeId(ROUTE_ID)
                .routeConfigurationId(ErrorPolicy.ID)
                .process(exchange -> hangUp(exchange.getIn().getBody(BridgeEnded.class)));
    }

    void hangUp(BridgeEnded ended) {
        try {
            b2bua.hangUp(ended.callId(), MediaEndReasons.of(ended.reason()));
            log.info(
                    "Call {}: media bridge {} ended ({}), hanging up",
                    ended.callId(),
                    ended.bridgeId(),
                    ended.reason());
        } catch (CallNotFoundException e) {
            log.debug("Call {}: media bridge {} ended after the call", ended.callId(), ended.bridgeId());
        }
    }
}
