package dev.liaison.routes.call;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dial plan's destinations as configured ({@code liaison.dial-plan.destinations}), for the admin console. */
@RestController
@Tag(name = "Dial plan", description = "Where a call to a destination name goes")
class DialPlanController {

    private final DialPlanProperties dialPlan;

    DialPlanController(DialPlanProperties dialPlan) {
        this.dialPlan = dialPlan;
    }

    /**
     * One destination.
     *
     * @param name what a browser calls, or the user part of an inbound Request-URI
     * @param target where it goes: {@code sip:...}, {@code ws-sip:<user>}, {@code client:<subject>} or a session id
     * @param source where it comes from ({@code configuration})
     */
    record DestinationView(String name, String target, String source) {}

    @PreAuthorize(Access.ADMIN)
    @GetMapping("/api/v1/dial-plan/destinations")
    @Operation(
            summary = "The dial plan's destinations (read-only: liaison.dial-plan.destinations)",
            description = "Destinations are configuration properties; change them in the configuration.")
    List<DestinationView> destinations() {
        return dialPlan.destinations().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new DestinationView(entry.getKey(), entry.getValue(), "configuration"))
                .toList();
    }
}
