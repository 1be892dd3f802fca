package dev.liaison.palettes.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests must carry a CSRF token: state-changing requests that a browser's cookies could authenticate, that
 * is those with a session cookie and no {@code Authorization} header, and always sign-in and sign-out. A request
 * with HTTP Basic credentials authenticates by a header that another site cannot make a browser send (a browser that
 * remembers Basic credentials sends an {@code Origin}, which {@link OriginCheckFilter} checks); a request with neither
 * has nothing to forge.
 */
final class CookieSessionCsrfMatcher implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!SecurityPaths.isUnsafe(request)) {
            return false;
        }
        String path = SecurityPaths.path(request);
        if (path.equals(SecurityPaths.LOGIN) || path.equals(SecurityPaths.LOGOUT)) {
            return true;
        }
        return request.getRequestedSessionId() != null && request.getHeader("Authorization") == null;
    }
}
