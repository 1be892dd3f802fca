package dev.liaison.routes.acd;

import dev.liaison.gateway.call.CallNotFoundException;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.camel.GatewayConstants;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The gateway commands the ACD call routes send, through the {@code gateway:} component. */
@Component
class GatewayCalls {

    private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);
    private static final String ENDPOINT = "gateway:calls";

    private final ProducerTemplate producer;

    GatewayCalls(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Connects a routing call to a client session; false when the call is gone. */
    boolean connectToClient(String callId, String sessionId) {
        return send(Map.of(
                GatewayConstants.COMMAND,
                "connect",
                GatewayConstants.CALL_ID,
                callId,
                GatewayConstants.TARGET,
                sessionId,
                GatewayConstants.TARGET_KIND,
                LegKind.CLIENT));
    }

    /** Ends a call in any state with a reason code of the gateway component; false when it had ended already. */
    boolean hangUp(String callId, String reason) {
        return send(Map.of(
                GatewayConstants.COMMAND, "hangup", GatewayConstants.CALL_ID, callId, GatewayConstants.REASON, reason));
    }

    private boolean send(Map<String, Object> headers) {
        try {
            producer.sendBodyAndHeaders(ENDPOINT, null, headers);
            return true;
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof CallNotFoundException) {
                log.info("Call {} had ended already", headers.get(GatewayConstants.CALL_ID));
                return false;
            }
            throw e;
        }
    }
}
