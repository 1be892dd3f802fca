package dev.liaison.routes.call;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dial plan for admins: where a call to a destination name goes. Stored in PostgreSQL (first filled from {@code
 * liaison.dial-plan.destinations}); a change applies to the next call.
 */
@RestController
@Tag(name = "Dial plan", description = "Where a call to a destination name goes")
class DialPlanController {

    private final DialPlanStore store;
    private final DialPlanSettings settings;

    DialPlanController(DialPlanStore store, DialPlanSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * One destination.
     *
     * @param name what a browser calls, or the user part of an inbound Request-URI
     * @param target where it goes: {@code sip:...}, {@code ws-sip:<user>}, {@code client:<subject>} or a session id
     */
    record DestinationView(String name, String target) {}

    /** Body of {@code PUT /api/v1/dial-plan/destinations/{name}}. */
    record DestinationBody(@NotNull @Size(max = 512) String target) {}

    @PreAuthorize(Access.ADMIN)
    @GetMapping("/api/v1/dial-plan/destinations")
    @Operation(summary = "The dial plan's destinations")
    List<DestinationView> list() {
        return store.all().entrySet().stream()
                .map(entry -> new DestinationView(entry.getKey(), entry.getValue()))
                .toList();
    }

    @PreAuthorize(Access.ADMIN)
    @PutMapping("/api/v1/dial-plan/destinations/{name}")
    @Operation(
            summary = "Create or replace a destination (201 created, 200 replaced; audited)",
            description = "dial_plan.invalid_name, dial_plan.invalid_target, and dial_plan.target_forbidden for a SIP"
                    + " target that liaison.gateway.calls.allowed-sip-targets does not allow.")
    ResponseEntity<DestinationView> put(@PathVariable String name, @Valid @RequestBody DestinationBody body) {
        boolean created = settings.put(name, body.target());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new DestinationView(name, body.target()));
    }

    @PreAuthorize(Access.ADMIN)
    @DeleteMapping("/api/v1/dial-plan/destinations/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a destination (409 dial_plan.destination_in_use while a site lists it; audited)")
    void delete(@PathVariable String name) {
        settings.delete(name);
    }
}
