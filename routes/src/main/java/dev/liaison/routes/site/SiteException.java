package dev.liaison.routes.site;

import dev.liaison.palettes.web.ApiException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Why a customer-token request is refused; turned into a problem response by the shared {@code ProblemResponses}. */
final class SiteException extends ApiException {

    private static final long serialVersionUID = 1L;

    private SiteException(HttpStatus status, String code, String message, Map<String, Object> properties) {
        super(status, code, message, properties);
    }

    static SiteException unknownSite(String site) {
        return new SiteException(HttpStatus.NOT_FOUND, "site.not_found", "no site '" + site + "'", Map.of());
    }

    static SiteException forbiddenOrigin(String site) {
        return new SiteException(
                HttpStatus.FORBIDDEN,
                "site.origin_forbidden",
                "this page's origin may not ask for tokens of site '" + site + "'",
                Map.of());
    }

    static SiteException rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new SiteException(
                HttpStatus.TOO_MANY_REQUESTS,
                "customer_token.rate_limited",
                "too many token requests from this address; retry in " + seconds + " s",
                Map.of("retryAfterSeconds", seconds));
    }

    static SiteException invalidSubject() {
        return new SiteException(
                HttpStatus.BAD_REQUEST,
                "customer_token.invalid_subject",
                "subject must be an anonymous subject this endpoint issued (anon- and 22 characters)",
                Map.of(
                        "errors",
                        java.util.List.of(Map.of("field", "subject", "message", "is not an anonymous subject"))));
    }
}
