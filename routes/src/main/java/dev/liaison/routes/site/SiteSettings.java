package dev.liaison.routes.site;

import dev.liaison.palettes.web.ApiException;
import dev.liaison.routes.acd.AcdDestinationsProperties;
import dev.liaison.routes.audit.Actors;
import dev.liaison.routes.audit.AuditEntry;
import dev.liaison.routes.audit.AuditLog;
import dev.liaison.routes.call.DialPlanStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' changes to the customer sites: checked as strictly as the configuration is at startup (site name, origins,
 * destinations, token lifetime), every destination a name of the dial plan or an ACD destination, and audited in the same transaction.
 */
class SiteSettings {

    private final SiteStore sites;
    private final DialPlanStore dialPlan;
    private final AcdDestinationsProperties acdDestinations;
    private final AuditLog audit;

    SiteSettings(SiteStore sites, DialPlanStore dialPlan, AcdDestinationsProperties acdDestinations, AuditLog audit) {
        this.sites = sites;
        this.dialPlan = dialPlan;
        this.acdDestinations = acdDestinations;
        this.audit = audit;
    }

    /** Creates or replaces {@code name}; whether it was new. */
    @Transactional
    boolean put(String name, List<String> allowedOrigins, List<String> destinations, int tokenTtlSeconds) {
        SitesProperties.Site site =
                new SitesProperties.Site(allowedOrigins, destinations, Duration.ofSeconds(tokenTtlSeconds));
        check(name, site);
        for (String destination : site.destinations()) {
            if (dialPlan.target(destination).isEmpty()
                    && acdDestinations.destination(destination).isEmpty()) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "site.unknown_destination",
                        "'" + destination + "' is neither a destination of the dial plan nor an ACD destination",
                        Map.of("field", "destinations", "destination", destination));
            }
        }
        boolean created = sites.put(name, site);
        audit.record(new AuditEntry(
                Actors.currentAdmin(),
                created ? "site.created" : "site.updated",
                "site:" + name,
                Map.of(
                        "allowedOrigins", site.allowedOrigins(),
                        "destinations", site.destinations(),
                        "tokenTtlSeconds", tokenTtlSeconds)));
        return created;
    }

    @Transactional
    void delete(String name) {
        if (!sites.delete(name)) {
            throw SiteException.unknownSite(name);
        }
        audit.record(new AuditEntry(Actors.currentAdmin(), "site.deleted", "site:" + name, Map.of()));
    }

    /** The startup checks of {@code liaison.sites.*}, answered as a 400 naming the field. */
    private static void check(String name, SitesProperties.Site site) {
        try {
            new SitesProperties(Map.of(name, site));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().replace("liaison.sites.", "site ");
            String field = message.contains(".allowed-origins")
                    ? "allowedOrigins"
                    : message.contains(".destinations")
                            ? "destinations"
                            : message.contains(".token-ttl") ? "tokenTtlSeconds" : "name";
            throw new ApiException(HttpStatus.BAD_REQUEST, "site.invalid", message, Map.of("field", field));
        }
    }
}
