package dev.liaison.routes.site;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anonymous endpoint the SDK asks for a customer token (docs/sdk.md). Public: it needs no sign-in, the page's
 * {@code Origin} and the rate limit are its guards.
 */
@RestController
@RequestMapping("/api/v1/sites/{site}/customer-tokens")
@Tag(name = "Sites", description = "Customer sites that embed the SDK, and their anonymous customer tokens")
class CustomerTokenController {

    private final CustomerTokens tokens;

    CustomerTokenController(CustomerTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A short-lived token for one anonymous visitor of a site",
            description = "Called by the SDK from a page of the site: the request's Origin must be one of the site's"
                    + " allowed origins. The token may call only the site's destinations and be used only from its"
                    + " origins. Rate-limited per remote address (liaison.customer-tokens.requests-per-minute).",
            responses = {
                @ApiResponse(responseCode = "200", description = "The token"),
                @ApiResponse(
                        responseCode = "400",
                        description =
                                "The subject to continue is not an anonymous one (customer_token.invalid_subject)",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "403",
                        description = "No Origin, or one the site does not allow (site.origin_forbidden)",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "404",
                        description = "No such site (site.not_found)",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "429",
                        description = "Too many requests from this address (customer_token.rate_limited); see"
                                + " Retry-After",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
            })
    ResponseEntity<IssuedToken> issue(
            @Parameter(description = "The site, as configured under liaison.sites") @PathVariable String site,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin,
            @RequestBody(required = false) CustomerTokenRequest body,
            HttpServletRequest request,
            HttpServletResponse response) {
        IssuedToken issued;
        try {
            issued = tokens.issue(
                    site,
                    Optional.ofNullable(origin),
                    request.getRemoteAddr(),
                    Optional.ofNullable(body).map(CustomerTokenRequest::subject));
        } catch (SiteException e) {
            Object retryAfter = e.properties().get("retryAfterSeconds");
            if (retryAfter != null) {
                // Kept on the response: the problem handler writes the body only.
                response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter.toString());
            }
            throw e;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(issued);
    }
}
