package dev.liaison.media.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Delivers the bridges the broker ended on its own to a route, one exchange per bridge: the {@link BridgeEnded} as the
 * body, its bridge id, call id and reason as headers. A failing route goes to the consumer's exception handler.
 */
public class MediaConsumer extends DefaultConsumer implements BridgeEndedListener {

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
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().getEvents().removeListener(this);
        super.doStop();
    }

    @Override
    public void bridgeEnded(BridgeEnded event) {
        Exchange exchange = createExchange(false);
        try {
            Message in = exchange.getIn();
            in.setBody(event);
            in.setHeader(MediaConstants.EVENT, MediaConstants.BRIDGE_ENDED);
            in.setHeader(MediaConstants.BRIDGE_ID, event.bridgeId());
            in.setHeader(MediaConstants.CALL_ID, event.callId());
            in.setHeader(MediaConstants.REASON, event.reasonCode());
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "Route failed on bridge.ended of call " + event.callId(),
                                exchange,
                                exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
