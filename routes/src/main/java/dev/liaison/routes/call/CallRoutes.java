package dev.liaison.routes.call;

import dev.liaison.routes.acd.AcdCallIntake;
import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Incoming calls from the gateway (browsers and the SIP trunk): a call to an ACD destination waits in the ACD for an
 * agent (ringing meanwhile); every other call is connected where the dial plan says.
 */
@Component
class CallRoutes extends RouteBuilder {

    private final AcdCallIntake acd;

    CallRoutes(AcdCallIntake acd) {
        this.acd = acd;
    }

    @Override
    public void configure() {
        from("gateway:calls?events=call.incoming")
                .routeId("call-incoming")
                .routeConfigurationId(ErrorPolicy.ID)
                .choice()
                .when(exchange -> acd.answers(exchange.getMessage()
                        .getHeader(dev.liaison.gateway.camel.GatewayConstants.DESTINATION, String.class)))
                .bean(AcdCallIntake.class, "enqueue")
                .to("gateway:calls?command=ring")
                .otherwise()
                .bean(DialPlan.class, "route");
    }
}
