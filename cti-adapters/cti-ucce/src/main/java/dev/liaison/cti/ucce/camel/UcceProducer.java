package dev.liaison.cti.ucce.camel;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.operation.CtiOperation;
import dev.liaison.cti.api.screenpop.ScreenPop;
import dev.liaison.cti.ucce.session.UcceSession;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Executes the {@link CtiOperation} in the body on the link and puts the result in the body (the {@link ScreenPop}
 * for call.data, the new call's reference for call.make, null otherwise). Failures are {@link CtiException}s on the
 * exchange, with their {@code CtiFailure} and the CTI Server's status code; the route's error handler decides.
 */
public class UcceProducer extends DefaultProducer {

    private UcceSession session;

    UcceProducer(UcceEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public UcceEndpoint getEndpoint() {
        return (UcceEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        session = getEndpoint().acquire();
    }

    @Override
    protected void doStop() throws Exception {
        if (session != null) {
            getEndpoint().release();
            session = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CtiOperation operation = exchange.getIn().getMandatoryBody(CtiOperation.class);
        Object result = session.execute(operation);
        exchange.getMessage().setHeader(UcceConstants.OPERATION, operation.name());
        if (result instanceof ScreenPop pop) {
            exchange.getMessage()
                    .setHeader(
                            UcceConstants.SCREEN_POP_VIOLATIONS,
                            pop.violations().size());
        }
        exchange.getMessage().setBody(result);
    }
}
