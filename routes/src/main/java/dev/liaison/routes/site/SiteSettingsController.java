package dev.liaison.routes.site;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer sites as configured ({@code liaison.sites.*}), for the admin console: read-only, since sites are set in
 * the configuration and checked at startup.
 */
@RestController
@Tag(name = "Sites", description = "Customer sites that embed the SDK, and their anonymous customer tokens")
class SiteSettingsController {

    private final SitesProperties sites;

    SiteSettingsController(SitesProperties sites) {
        this.sites = sites;
    }

    /**
     * One site as the console shows it.
     *
     * @param name the site's name (the token's {@code site} claim)
     * @param allowedOrigins the origins whose pages may ask for tokens
     * @param destinations the destinations its customers may call
     * @param tokenTtlSeconds how long a token may be used to authenticate
     * @param source where the settings come from ({@code configuration})
     */
    record SiteView(
            String name, List<String> allowedOrigins, List<String> destinations, long tokenTtlSeconds, String source) {}

    @PreAuthorize(Access.ADMIN)
    @GetMapping("/api/v1/sites")
    @Operation(
            summary = "The customer sites, their allowed origins and destinations (read-only: liaison.sites.*)",
            description = "Sites are configuration properties, checked at startup; change them in the configuration.")
    List<SiteView> sites() {
        return sites.sites().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new SiteView(
                        entry.getKey(),
                        entry.getValue().allowedOrigins(),
                        entry.getValue().destinations(),
                        entry.getValue().tokenTtl().toSeconds(),
                        "configuration"))
                .toList();
    }
}
