package dev.liaison.routes.call;

import dev.liaison.gateway.camel.GatewayConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Decides where an incoming call goes from the configured dial plan. */
@Component
@EnableConfigurationProperties(DialPlanProperties.class)
public class DialPlan {

    private final DialPlanProperties properties;

    DialPlan(DialPlanProperties properties) {
        this.properties = properties;
    }

    /** Sets the target of the call on the exchange, or the reason it is refused. */
    public void route(Exchange exchange) {
        Message message = exchange.getMessage();
        String destination = message.getHeader(GatewayConstants.DESTINATION, String.class);
        String target = destination == null ? null : properties.destinations().get(destination);
        if (target == null) {
            message.setHeader(GatewayConstants.REASON, "not-found");
        } else {
            message.setHeader(GatewayConstants.TARGET, target);
        }
    }
}
