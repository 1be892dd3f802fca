package dev.liaison.routes.call;

import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Incoming calls from the gateway (browsers and the SIP trunk): each is connected where the dial plan says. */
@Component
class CallRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("gateway:calls?events=call.incoming")
                .routeId("call-incoming")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(DialPlan.class, "route");
    }
}
