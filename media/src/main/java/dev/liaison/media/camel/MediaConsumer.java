package dev.liaison.media.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Delivers the broker's events to a route, one exchange per event, its type in {@link MediaConstants#EVENT}: a bridge
 * the broker ended on its own ({@code bridge.ended}: the {@link BridgeEnded} as the body, its bridge id, call id and
 * reason as headers), and a DTMF key a bridge detected in a leg's telephone-events ({@code dtmf.received}: the
 * {@link DtmfReceived} as the body, bridge id, call id, side, digit, duration and volume as headers). A failing route
 * goes to the consumer's exception handler.
 */
public class MediaConsumer extends DefaultConsumer implements BridgeEndedListener, DtmfReceivedListener {

    MediaConsumer(MediaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MediaEndpoint getEndpoint() {
        return (MediaEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().getComponent().getEvents().addListener(this);
        getEndpoint().getComponent().getEvents().addDtmfListener(this);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().getEvents().removeDtmfListener(this);
        getEndpoint().getComponent().getEvents().removeListener(this);
        super.doStop();
    }

    @Override
    public void bridgeEnded(BridgeEnded event) {
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(event);
        in.setHeader(MediaConstants.EVENT, MediaConstants.BRIDGE_ENDED);
        in.setHeader(MediaConstants.BRIDGE_ID, event.bridgeId());
        in.setHeader(MediaConstants.CALL_ID, event.callId());
        in.setHeader(MediaConstants.REASON, event.reasonCode());
        deliver(exchange, MediaConstants.BRIDGE_ENDED, event.callId());
    }

    @Override
    public void dtmfReceived(DtmfReceived event) {
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(event);
        in.setHeader(MediaConstants.EVENT, MediaConstants.DTMF_RECEIVED);
        in.setHeader(MediaConstants.BRIDGE_ID, event.bridgeId());
        in.setHeader(MediaConstants.CALL_ID, event.callId());
        in.setHeader(MediaConstants.SIDE, event.side());
        in.setHeader(MediaConstants.DTMF_DIGIT, String.valueOf(event.key().digit()));
        in.setHeader(MediaConstants.DTMF_DURATION, event.key().durationMillis());
        in.setHeader(MediaConstants.DTMF_VOLUME, event.key().volume());
        deliver(exchange, MediaConstants.DTMF_RECEIVED, event.callId());
    }

    private void deliver(Exchange exchange, String type, String callId) {
        try {
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "Route failed on " + type + " of call " + callId, exchange, exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
