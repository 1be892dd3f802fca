package dev.liaison.palettes.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** The paths the security rules talk about, in one place. */
final class SecurityPaths {

    /** The REST API: programs and web UIs call it; it answers problems, never the sign-in form. */
    static final String API = "/api/**";

    /** Operations endpoints. */
    static final String HEALTH = "/actuator/health";

    static final String PROMETHEUS = "/actuator/prometheus";

    /** Web UIs that need a signed-in user (they come later: agent desktop, admin console, IVR designer). */
    static final String[] USER_INTERFACES = {"/agent/**", "/admin/**", "/designer/**"};

    /** WebSocket upgrades with their own authentication: consumer tokens and SIP digest. */
    static final String[] OWN_AUTHENTICATION = {"/ws/client", "/ws/client/**", "/ws/sip", "/ws/sip/**"};

    /** The SDK's anonymous customer-token endpoint: public, it checks the page's origin per site itself. */
    static final String CUSTOMER_TOKENS = "/api/v1/sites/*/customer-tokens";

    static final String LOGIN = "/login";

    static final String LOGOUT = "/logout";

    private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private SecurityPaths() {}

    /** Requests that programs make (REST, Actuator): they get problems and Basic challenges, not redirects. */
    static boolean isMachineFacing(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
    }

    static boolean isCustomerTokens(HttpServletRequest request) {
        return path(request).matches("/api/v1/sites/[^/]+/customer-tokens/?");
    }

    static boolean isUnsafe(HttpServletRequest request) {
        return UNSAFE_METHODS.contains(request.getMethod());
    }

    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
