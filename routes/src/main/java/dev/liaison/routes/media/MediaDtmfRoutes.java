package dev.liaison.routes.media;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallNotFoundException;
import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.media.camel.DtmfReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DTMF key the media broker read in the RFC 4733 telephone-events one side of a call sent ({@code dtmf.received} on
 * {@code media:events}) goes to the gateway's call: it publishes {@code call.dtmf} once for the key, and a browser on the
 * other side gets the client protocol's {@code dtmf} message. The events themselves already went on in the media. A key
 * of a call that already ended is dropped. Routed by {@link MediaEndedRoutes}, which consumes {@code media:events}.
 */
final class MediaDtmfRoutes {

    private static final Logger log = LoggerFactory.getLogger(MediaDtmfRoutes.class);

    private final B2bua b2bua;

    MediaDtmfRoutes(B2bua b2bua) {
        this.b2bua = b2bua;
    }

    void toCall(DtmfReceived received) {
        try {
            b2bua.mediaDtmf(
                    received.callId(),
                    BridgeSide.valueOf(received.side().name()),
                    received.key().digit(),
                    received.key().durationMillis());
            log.debug(
                    "Call {}: key {} in the media from side {}",
                    received.callId(),
                    received.key().digit(),
                    received.side());
        } catch (CallNotFoundException e) {
            log.debug(
                    "Call {}: key {} in the media after the call",
                    received.callId(),
                    received.key().digit());
        }
    }
}
