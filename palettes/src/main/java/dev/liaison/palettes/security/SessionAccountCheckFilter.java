package dev.liaison.palettes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose account changed since sign-in: disabled, deleted, or given other roles, agent link or
 * password. Without it a session would keep the rights it signed in with until it expired. One primary-key read per
 * session request; Basic requests load the account anyway.
 */
final class SessionAccountCheckFilter extends OncePerRequestFilter {

    private final UserAccountRepository users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SessionAccountCheckFilter(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = contexts.getContext().getAuthentication();
        if (session != null
                && authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && !current(user)) {
            contexts.clearContext();
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    private boolean current(SignedInUser user) {
        return users.findById(user.id())
                .filter(UserAccount::isEnabled)
                .filter(account -> account.getVersion() == user.version())
                .isPresent();
    }
}
