package dev.liaison.routes.media;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallNotFoundException;
import dev.liaison.media.camel.BridgeEnded;
import dev.liaison.media.camel.DtmfReceived;
import dev.liaison.media.camel.MediaConstants;
import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media broker's events, from {@code media:events}. When the broker ends a bridge on its own (consent expired, DTLS
 * failed, no media), the call it carried is hung up through the gateway with a media reason:
 * {@code media-consent-expired}, {@code media-dtls-failed}, {@code media-timeout} or {@code media-failed}. A call that
 * already ended is left alone. A DTMF key a bridge read in a leg's telephone-events goes to the call
 * ({@link MediaDtmfRoutes}).
 */
public class MediaEndedRoutes extends RouteBuilder {

    static final String ROUTE_ID = "media-bridge-ended";
    static final String DTMF_ROUTE_ID = "media-dtmf-received";
    private static final String DTMF_ENDPOINT = "direct:media-dtmf-received";

    private static final Logger log = LoggerFactory.getLogger(MediaEndedRoutes.class);

    private final B2bua b2bua;
    private final MediaDtmfRoutes dtmf;

    public MediaEndedRoutes(B2bua b2bua) {
        this.b2bua = b2bua;
        this.dtmf = new MediaDtmfRoutes(b2bua);
    }

    @Override
    public void configure() {
        from("media:events")
                .routeId(ROUTE_ID)
                .routeConfigurationId(ErrorPolicy.ID)
                .choice()
                .when(header(MediaConstants.EVENT).isEqualTo(MediaConstants.DTMF_RECEIVED))
                .to(DTMF_ENDPOINT)
                .otherwise()
                .process(exchange -> hangUp(exchange.getIn().getBody(BridgeEnded.class)))
                .end();
        from(DTMF_ENDPOINT)
                .routeId(DTMF_ROUTE_ID)
                .routeConfigurationId(ErrorPolicy.ID)
                .process(exchange -> dtmf.toCall(exchange.getIn().getBody(DtmfReceived.class)));
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
