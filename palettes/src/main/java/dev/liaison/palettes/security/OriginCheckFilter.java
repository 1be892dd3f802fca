package dev.liaison.palettes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) whose {@code Origin} header names another site than
 * this application or one of {@code liaison.security.allowed-origins}. Browsers send {@code Origin} on every such
 * request, so a page elsewhere cannot make a signed-in browser act, whatever credentials it would carry (session
 * cookie or remembered Basic credentials). Programs that send no {@code Origin} are not affected.
 */
final class OriginCheckFilter extends OncePerRequestFilter {

    private final List<String> allowedOrigins;
    private final SecurityProblems problems;

    OriginCheckFilter(List<String> allowedOrigins, SecurityProblems problems) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null
                || !SecurityPaths.isUnsafe(request)
                || SecurityPaths.isCustomerTokens(request)
                || allowed(origin, request)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                SecurityProblems.ORIGIN,
                "requests from origin " + (origin.length() > 200 ? origin.substring(0, 200) : origin)
                        + " are not allowed (liaison.security.allowed-origins)");
    }

    private boolean allowed(String origin, HttpServletRequest request) {
        String normalized = SecurityProperties.normalizeOrigin(origin);
        return normalized.equals(ownOrigin(request)) || allowedOrigins.contains(normalized);
    }

    /** This application's origin as the browser sees it (behind a proxy: with server.forward-headers-strategy). */
    private static String ownOrigin(HttpServletRequest request) {
        return SecurityProperties.normalizeOrigin(
                request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }
}
