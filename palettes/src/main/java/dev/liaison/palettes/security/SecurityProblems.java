package dev.liaison.palettes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes the problem responses ({@code application/problem+json}) of the security filters, in the same shape as the
 * controllers' ones ({@code dev.liaison.palettes.web.ProblemResponses}): {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} and a stable {@code code}. The filters answer before any
 * controller runs, so they cannot go through the controller advice.
 */
final class SecurityProblems {

    /** Not signed in, or the credentials are wrong or the account disabled (the two are not told apart). */
    static final String UNAUTHENTICATED = "auth.unauthenticated";
    /** Signed in, but the roles (or the agent link) do not allow this request. */
    static final String FORBIDDEN = "auth.forbidden";
    /** A cookie-session request that changes state came without a valid CSRF token. */
    static final String CSRF = "auth.csrf_token_invalid";
    /** Too many failed sign-ins came from the caller's address; {@code Retry-After} says when to try again. */
    static final String TOO_MANY_ATTEMPTS = "auth.too_many_attempts";
    /** A browser request that changes state came from an origin that is not allowed. */
    static final String ORIGIN = "auth.origin_not_allowed";

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), problem);
    }
}
