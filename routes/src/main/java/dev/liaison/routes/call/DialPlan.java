package dev.liaison.routes.call;

import dev.liaison.gateway.camel.GatewayConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Decides where an incoming call goes from the dial plan ({@link DialPlanStore}). */
@Component
@EnableConfigurationProperties(DialPlanProperties.class)
public class DialPlan {

    private final DialPlanStore destinations;

    DialPlan(DialPlanStore destinations) {
        this.destinations = destinations;
    }

    /** Sets the target of the call on the exchange, or the reason it is refused. */
    public void route(Exchange exchange) {
        Message message = exchange.getMessage();
        String destination = message.getHeader(GatewayConstants.DESTINATION, String.class);
        String target =
                destination == null ? null : destinations.target(destination).orElse(null);
        if (target == null) {
            message.setHeader(GatewayConstants.REASON, "not-found");
        } else {
            message.setHeader(GatewayConstants.TARGET, target);
        }
    }
}
