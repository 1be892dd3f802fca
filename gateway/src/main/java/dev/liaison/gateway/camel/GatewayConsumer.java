package dev.liaison.gateway.camel;

import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.CallEventListener;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Delivers call events to a route, one exchange per event, with the event as the body and its facts as headers. On a
 * {@code call.incoming} exchange the route may set {@link GatewayConstants#TARGET} to connect the call when it
 * completes, or {@link GatewayConstants#REASON} to refuse it; a route that fails refuses the call with 500.
 */
public class GatewayConsumer extends DefaultConsumer implements CallEventListener {

    private static final EndReason ROUTE_FAILED = new EndReason("route-failed", 500, "Routing failed");

    private final Set<String> eventFilter;

    GatewayConsumer(GatewayEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.eventFilter = endpoint.getConfiguration().eventFilter();
    }

    @Override
    public GatewayEndpoint getEndpoint() {
        return (GatewayEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().getComponent().getB2bua().addListener(this);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().getB2bua().removeListener(this);
        super.doStop();
    }

    @Override
    public boolean accepts(String eventType) {
        return eventFilter.isEmpty() || eventFilter.contains(eventType);
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (!accepts(event.type())) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(event);
        in.setHeader(GatewayConstants.EVENT, event.type());
        in.setHeader(GatewayConstants.CALL_ID, event.callId());
        describe(event, in);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (event instanceof CallEvent.Incoming) {
                decide(exchange);
            } else if (event instanceof CallEvent.TransferRequested) {
                decideTransfer(exchange);
            }
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException("Route failed on " + event.type(), exchange, exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void decide(Exchange exchange) {
        String callId = exchange.getIn().getHeader(GatewayConstants.CALL_ID, String.class);
        if (exchange.getException() != null) {
            refuseQuietly(callId, ROUTE_FAILED);
            return;
        }
        Message result = exchange.getMessage();
        String target = result.getHeader(GatewayConstants.TARGET, String.class);
        String reason = result.getHeader(GatewayConstants.REASON, String.class);
        try {
            if (target != null) {
                LegKind kind = result.getHeader(GatewayConstants.TARGET_KIND, LegKind.class);
                getEndpoint()
                        .getComponent()
                        .getB2bua()
                        .connect(callId, kind != null ? kind : GatewayProducer.kindOf(target), target);
            } else if (reason != null) {
                getEndpoint().getComponent().getB2bua().reject(callId, EndReasons.parse(reason));
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
            refuseQuietly(callId, EndReasons.forFailure(e));
        }
    }

    /**
     * After a {@code call.transfer-requested} exchange: {@code LiaisonGatewayReason} refuses the transfer, else the
     * call is transferred to {@code LiaisonGatewayTarget} (the Refer-To target unless the route changed it). A route
     * that removes the target and sets no reason leaves the request waiting for a {@code transfer} or
     * {@code refuse-transfer} command; a route that fails refuses it with 500.
     */
    private void decideTransfer(Exchange exchange) {
        String callId = exchange.getIn().getHeader(GatewayConstants.CALL_ID, String.class);
        try {
            if (exchange.getException() != null) {
                getEndpoint().getComponent().getB2bua().refuseTransfer(callId, ROUTE_FAILED);
                return;
            }
            Message result = exchange.getMessage();
            String target = result.getHeader(GatewayConstants.TARGET, String.class);
            String reason = result.getHeader(GatewayConstants.REASON, String.class);
            if (reason != null) {
                getEndpoint().getComponent().getB2bua().refuseTransfer(callId, EndReasons.parse(reason));
            } else if (target != null) {
                LegKind kind = result.getHeader(GatewayConstants.TARGET_KIND, LegKind.class);
                getEndpoint()
                        .getComponent()
                        .getB2bua()
                        .transfer(callId, kind != null ? kind : GatewayProducer.kindOf(target), target);
            }
        } catch (RuntimeException e) {
            // A refused target is refused on the call already (403 to the transferor); the route's error handler hears
            // it.
            if (exchange.getException() == null) {
                exchange.setException(e);
            }
        }
    }

    private void refuseQuietly(String callId, EndReason reason) {
        try {
            getEndpoint().getComponent().getB2bua().reject(callId, reason);
        } catch (RuntimeException ignored) {
            // The call ended meanwhile: nothing left to refuse.
        }
    }

    private static void describe(CallEvent event, Message in) {
        if (event instanceof CallEvent.Incoming e) {
            in.setHeader(GatewayConstants.DESTINATION, e.request().destination());
            in.setHeader(GatewayConstants.LEG_KIND, e.callerKind());
            e.request().correlationId().ifPresent(id -> in.setHeader(GatewayConstants.CORRELATION_ID, id));
        } else if (event instanceof CallEvent.Ringing e) {
            in.setHeader(GatewayConstants.LEG_KIND, e.calleeKind());
            in.setHeader(GatewayConstants.TARGET, e.target());
        } else if (event instanceof CallEvent.Answered e) {
            in.setHeader(GatewayConstants.LEG_KIND, e.calleeKind());
            in.setHeader(GatewayConstants.TARGET, e.target());
        } else if (event instanceof CallEvent.Ended e) {
            in.setHeader(GatewayConstants.REASON, e.reason().code());
            e.endedBy().ifPresent(kind -> in.setHeader(GatewayConstants.LEG_KIND, kind));
        } else if (event instanceof CallEvent.MediaChanged e) {
            in.setHeader(GatewayConstants.LEG_KIND, e.side());
        } else if (event instanceof CallEvent.Dtmf e) {
            in.setHeader(GatewayConstants.LEG_KIND, e.side());
        } else if (event instanceof CallEvent.TransferRequested e) {
            in.setHeader(GatewayConstants.LEG_KIND, e.side());
            in.setHeader(GatewayConstants.TARGET, e.target());
            in.setHeader(GatewayConstants.DESTINATION, e.destination());
            e.replaces().ifPresent(replaces -> in.setHeader(GatewayConstants.REPLACES, replaces));
        } else if (event instanceof CallEvent.Transferred e) {
            in.setHeader(GatewayConstants.LEG_KIND, e.newSideKind());
            in.setHeader(GatewayConstants.TARGET, e.target());
            e.joinedCallId().ifPresent(joined -> in.setHeader(GatewayConstants.JOINED_CALL_ID, joined));
        } else if (event instanceof CallEvent.TransferFailed e) {
            in.setHeader(GatewayConstants.LEG_KIND, e.side());
            in.setHeader(GatewayConstants.TARGET, e.target());
            in.setHeader(GatewayConstants.REASON, e.reason().code());
        }
    }
}
