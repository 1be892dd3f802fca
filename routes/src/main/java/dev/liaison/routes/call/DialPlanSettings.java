package dev.liaison.routes.call;

import dev.liaison.palettes.web.ApiException;
import dev.liaison.routes.acd.AcdDestinationsProperties;
import dev.liaison.routes.audit.Actors;
import dev.liaison.routes.audit.AuditEntry;
import dev.liaison.routes.audit.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' changes to the dial plan, checked and audited in the same transaction: a destination name like the
 * client protocol's, and a target of one of the known kinds; a SIP target must also be one the gateway may dial
 * ({@code liaison.gateway.calls.allowed-sip-targets}), so the dial plan can never name a number the trunk refuses.
 */
class DialPlanSettings {

    /** The client protocol's destination pattern (docs/protocol.md, {@code call}). */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+:/-]{1,128}");

    /** {@code sip:}, {@code ws-sip:<user>}, {@code client:<subject>} or a client session id. */
    static final Pattern TARGET = Pattern.compile(
            "sip:[^\\s<>\"]{1,500}|ws-sip:[A-Za-z0-9._@+-]{1,128}|client:[A-Za-z0-9._@:+-]{1,200}|[A-Za-z0-9-]{8,64}");

    private final DialPlanStore store;
    private final List<Pattern> allowedSipTargets;
    private final AcdDestinationsProperties acdDestinations;
    private final AuditLog audit;

    DialPlanSettings(
            DialPlanStore store,
            List<String> allowedSipTargets,
            AcdDestinationsProperties acdDestinations,
            AuditLog audit) {
        this.store = store;
        this.allowedSipTargets =
                allowedSipTargets.stream().map(Pattern::compile).toList();
        this.acdDestinations = acdDestinations;
        this.audit = audit;
    }

    /** Creates or replaces {@code name}; whether it was new. */
    @Transactional
    boolean put(String name, String target) {
        if (!NAME.matcher(name).matches()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "dial_plan.invalid_name",
                    "a destination name is 1 to 128 of A-Z a-z 0-9 . _ @ + : / -",
                    Map.of("field", "name"));
        }
        if (acdDestinations.destination(name).isPresent()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "dial_plan.acd_destination",
                    "'" + name + "' is an ACD destination (liaison.acd.destinations); calls to it wait in the ACD",
                    Map.of("field", "name"));
        }
        if (target == null || !TARGET.matcher(target).matches()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "dial_plan.invalid_target",
                    "a target is sip:..., ws-sip:<user>, client:<subject> or a client session id",
                    Map.of("field", "target"));
        }
        if (target.startsWith("sip:")
                && allowedSipTargets.stream().noneMatch(p -> p.matcher(target).matches())) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "dial_plan.target_forbidden",
                    "'" + target + "' is not one of liaison.gateway.calls.allowed-sip-targets",
                    Map.of("field", "target"));
        }
        boolean created = store.put(name, target);
        audit.record(new AuditEntry(
                Actors.currentAdmin(),
                created ? "dial_plan.destination_created" : "dial_plan.destination_updated",
                "destination:" + name,
                Map.of("target", target)));
        return created;
    }

    /** Deletes {@code name}; refused while a site lists it. */
    @Transactional
    void delete(String name) {
        List<String> sites = store.sitesCalling(name);
        if (!sites.isEmpty()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "dial_plan.destination_in_use",
                    "sites " + sites + " list '" + name + "'; remove it from them first",
                    Map.of("sites", sites));
        }
        if (!store.delete(name)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "dial_plan.not_found", "no destination '" + name + "'");
        }
        audit.record(new AuditEntry(
                Actors.currentAdmin(), "dial_plan.destination_deleted", "destination:" + name, Map.of()));
    }
}
