package dev.liaison.routes.callback;

import dev.liaison.gateway.call.CallNotFoundException;
import dev.liaison.gateway.camel.GatewayConstants;
import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Callbacks ring the customer: an accepted attempt is placed as a call by the gateway ({@code originate}) to the
 * customer's page or app, or to their phone through the trunk; the call's events report the attempt's outcome; the
 * call is hung up when its task ends.
 */
@Component
class CallbackRoutes extends RouteBuilder {

    private final CallbackCalls calls;

    CallbackRoutes(CallbackCalls calls) {
        this.calls = calls;
    }

    @Override
    public void configure() {
        from(CallbackConstants.DIALING_ENDPOINT)
                .routeId("callback-dial")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(CallbackDialer.class, "plan")
                .filter(exchangeProperty(CallbackConstants.CALL).isNotNull())
                .doTry()
                .to("gateway:calls?command=originate")
                .doCatch(RuntimeException.class)
                .bean(CallbackDialer.class, "notStarted")
                .end();

        from("gateway:calls?events=call.ringing,call.answered,call.ended")
                .routeId("callback-call-events")
                .routeConfigurationId(ErrorPolicy.ID)
                .filter(exchange ->
                        calls.tracks(exchange.getMessage().getHeader(GatewayConstants.CALL_ID, String.class)))
                .to(CallbackConstants.PROGRESS_ENDPOINT);

        from(CallbackConstants.PROGRESS_ENDPOINT)
                .routeId("callback-call-progress")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(CallbackCallProgress.class, "onEvent")
                .filter(body().isInstanceOf(DialAttempt.class))
                .to(CallbackConstants.DIALING_ENDPOINT);

        from(CallbackConstants.HANGUP_ENDPOINT)
                .routeId("callback-hangup")
                .routeConfigurationId(ErrorPolicy.ID)
                .doTry()
                .to("gateway:calls?command=hangup")
                .doCatch(CallNotFoundException.class)
                .log("Callback call ${header." + GatewayConstants.CALL_ID + "} had ended already")
                .end();
    }
}
