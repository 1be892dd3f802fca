package dev.liaison.routes.site;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
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
 * The customer sites for admins: their allowed origins, the destinations their customers may call and the tokens'
 * lifetime. Stored in PostgreSQL (first filled from {@code liaison.sites.*}); a change applies to the next token.
 */
@RestController
@Tag(name = "Sites", description = "Customer sites that embed the SDK, and their anonymous customer tokens")
class SiteSettingsController {

    private final SiteStore sites;
    private final SiteSettings settings;

    SiteSettingsController(SiteStore sites, SiteSettings settings) {
        this.sites = sites;
        this.settings = settings;
    }

    /**
     * One site.
     *
     * @param name the site's name (the token's {@code site} claim)
     * @param allowedOrigins the origins whose pages may ask for tokens
     * @param destinations the dial-plan destinations its customers may call
     * @param tokenTtlSeconds how long a token may be used to authenticate
     */
    record SiteView(String name, List<String> allowedOrigins, List<String> destinations, long tokenTtlSeconds) {

        static SiteView of(String name, SitesProperties.Site site) {
            return new SiteView(
                    name,
                    site.allowedOrigins(),
                    site.destinations(),
                    site.tokenTtl().toSeconds());
        }
    }

    /**
     * Body of {@code PUT /api/v1/sites/{name}}.
     *
     * @param allowedOrigins 1 to 50 origins: scheme, lower-case host and optional port ({@code https://shop.example.com})
     * @param destinations 1 to 100 names of the dial plan
     * @param tokenTtlSeconds 1 to 3600 (default 300)
     */
    record SiteBody(
            @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 200) String> allowedOrigins,
            @NotEmpty @Size(max = 100) List<@NotNull @Size(max = 128) String> destinations,
            @Min(1) @Max(3600) Integer tokenTtlSeconds) {}

    @PreAuthorize(Access.ADMIN)
    @GetMapping("/api/v1/sites")
    @Operation(summary = "The customer sites, their allowed origins and destinations")
    List<SiteView> list() {
        return sites.all().entrySet().stream()
                .map(entry -> SiteView.of(entry.getKey(), entry.getValue()))
                .toList();
    }

    @PreAuthorize(Access.ADMIN)
    @GetMapping("/api/v1/sites/{name}")
    @Operation(summary = "One site")
    SiteView get(@PathVariable String name) {
        return SiteView.of(name, sites.site(name).orElseThrow(() -> SiteException.unknownSite(name)));
    }

    @PreAuthorize(Access.ADMIN)
    @PutMapping("/api/v1/sites/{name}")
    @Operation(
            summary = "Create or replace a site (201 created, 200 replaced; audited)",
            description = "Checked like liaison.sites.* at startup: site.invalid (with field) for a bad name, origin"
                    + " or lifetime; site.unknown_destination for a destination the dial plan does not have.")
    ResponseEntity<SiteView> put(@PathVariable String name, @Valid @RequestBody SiteBody body) {
        int ttl = body.tokenTtlSeconds() == null ? 300 : body.tokenTtlSeconds();
        boolean created = settings.put(name, body.allowedOrigins(), body.destinations(), ttl);
        SiteView view = get(name);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view);
    }

    @PreAuthorize(Access.ADMIN)
    @DeleteMapping("/api/v1/sites/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a site: its pages get no more tokens (audited)")
    void delete(@PathVariable String name) {
        settings.delete(name);
    }
}
