package dev.liaison.cti.ucce.camel;

import dev.liaison.cti.api.event.AgentStateChanged;
import dev.liaison.cti.api.event.CtiEvent;
import dev.liaison.cti.ucce.session.UcceSession;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Delivers the link's events to the route, one exchange per {@link CtiEvent} (the body), in the order the CTI Server
 * sent them, with the event type, link, call, RouterCallKey, correlation and agent as headers. A failing route goes to
 * the consumer's exception handler; the link is not affected.
 */
public class UcceConsumer extends DefaultConsumer implements java.util.function.Consumer<CtiEvent> {

    private UcceSession session;

    UcceConsumer(UcceEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public UcceEndpoint getEndpoint() {
        return (UcceEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        session = getEndpoint().acquire();
        session.subscribe(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (session != null) {
            session.unsubscribe(this);
            getEndpoint().release();
            session = null;
        }
        super.doStop();
    }

    @Override
    public void accept(CtiEvent event) {
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(event);
        in.setHeader(UcceConstants.EVENT_TYPE, event.type());
        in.setHeader(UcceConstants.LINK, event.link());
        if (event instanceof CtiEvent.CallEvent call) {
            in.setHeader(UcceConstants.CALL_ID, call.call().callId().text());
            call.call().enterprise().ifPresent(k -> in.setHeader(UcceConstants.ROUTER_CALL_KEY, k.text()));
            call.call().correlation().ifPresent(c -> in.setHeader(UcceConstants.CORRELATION_ID, c.value()));
        } else if (event instanceof AgentStateChanged agent) {
            in.setHeader(UcceConstants.AGENT_ID, agent.agentId());
        }
        try {
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "Route failed on " + event.type() + " from link " + event.link(),
                                exchange,
                                exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
