package dev.liaison.routes.call;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dial plan ({@code liaison.dial-plan.*}): where a call to a destination name goes.
 *
 * @param destinations destination name (what a browser calls, or the user part of an inbound Request-URI) to target:
 *     a SIP URI ({@code sip:...}, which must also match {@code liaison.gateway.calls.allowed-sip-targets}), {@code ws-sip:<user>}
 *     (a user registered on {@code /ws/sip}), {@code client:<subject>} (the live {@code /ws/client} session of the token
 *     subject {@code <subject>}, such as a signed-in agent: the one started last when the subject has several, the call
 *     ends {@code not-found} when none is active) or a client session id. A destination that is not listed is refused with {@code not-found} (404).
 */
@ConfigurationProperties("liaison.dial-plan")
public record DialPlanProperties(Map<String, String> destinations) {

    public DialPlanProperties {
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
        destinations.forEach((name, target) -> {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("liaison.dial-plan.destinations." + name + " has no target");
            }
        });
    }
}
