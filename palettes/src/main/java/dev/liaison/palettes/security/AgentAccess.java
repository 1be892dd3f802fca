package dev.liaison.palettes.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Answers "is this the caller's own agent?" for {@link Access#AS_AGENT} and for the features' own checks (a task the
 * caller's agent holds, a callback it dials).
 */
@Component("agentAccess")
public class AgentAccess {

    /** The signed-in user of this request, when there is one. */
    public static Optional<SignedInUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** Whether the caller is an AGENT user linked to {@code agentId}. */
    public boolean isOwnAgent(UUID agentId) {
        return agentId != null
                && currentUser()
                        .filter(user -> user.has(Role.AGENT))
                        .flatMap(SignedInUser::agentId)
                        .filter(agentId::equals)
                        .isPresent();
    }

    /** Whether the caller is an ADMIN, or the AGENT linked to {@code agentId}. */
    public boolean mayActFor(UUID agentId) {
        return currentUser().map(user -> user.has(Role.ADMIN)).orElse(false) || isOwnAgent(agentId);
    }
}
