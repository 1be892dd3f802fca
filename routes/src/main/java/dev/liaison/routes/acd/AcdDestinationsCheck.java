package dev.liaison.routes.acd;

import dev.liaison.gateway.call.CallProperties;
import dev.liaison.routes.call.DialPlanProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Stops the application at startup when the ACD destinations do not fit the rest of the configuration: a destination
 * both the ACD and the dial plan claim, or a {@code max-wait} the gateway's routing timeout would cut short.
 */
@Component
class AcdDestinationsCheck {

    AcdDestinationsCheck(
            AcdDestinationsProperties destinations, DialPlanProperties dialPlan, ObjectProvider<CallProperties> calls) {
        CallProperties gateway = calls.getIfAvailable(CallProperties::defaults);
        destinations.destinations().forEach((name, destination) -> {
            if (dialPlan.destinations().containsKey(name)) {
                throw new IllegalArgumentException("liaison.acd.destinations." + name
                        + ": the destination is also in liaison.dial-plan.destinations; keep it in one of them");
            }
            if (destination.maxWait().compareTo(gateway.routingTimeout()) >= 0) {
                throw new IllegalArgumentException("liaison.acd.destinations." + name + ".max-wait ("
                        + destination.maxWait() + ") must be shorter than liaison.gateway.calls.routing-timeout ("
                        + gateway.routingTimeout() + "), or the gateway ends queued calls first");
            }
        });
    }
}
