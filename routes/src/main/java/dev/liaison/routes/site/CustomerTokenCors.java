package dev.liaison.routes.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-origin access to the token endpoint, per site: a page of one of the site's allowed origins may call it from
 * the browser (the SDK is served by Liaison, the page by the customer's site, so the request is cross-origin). The
 * preflight of an allowed origin is answered here (POST, {@code Content-Type}, cached 10 minutes); any other
 * preflight is refused 403 without a body. A request of an allowed origin gets {@code Access-Control-Allow-Origin}
 * for it; whether the request is then served is the controller's decision. Nothing else passes through here.
 */
final class CustomerTokenCors extends OncePerRequestFilter {

    private static final Pattern PATH = Pattern.compile("/api/v1/sites/([^/]{1,200})/customer-tokens/?");

    private final CustomerTokens tokens;

    CustomerTokenCors(CustomerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!path.matches() || origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean allowed = tokens.allows(path.group(1), origin);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        boolean preflight = HttpMethod.OPTIONS.matches(request.getMethod())
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (preflight) {
            if (allowed && HttpMethod.POST.matches(request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))) {
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
                response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            }
            return;
        }
        if (allowed) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        chain.doFilter(request, response);
    }
}
