package dev.liaison.palettes.context;

import dev.liaison.palettes.security.AgentAccess;
import dev.liaison.palettes.security.Role;
import dev.liaison.palettes.security.SignedInUser;
import dev.liaison.palettes.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Who a context write over the REST API is recorded as. An ADMIN (an integration, an IVR or CTI service account)
 * names the writer itself, by default {@code <source>:<user name>}; an AGENT user always writes as
 * {@code agent:<its user name>} with source {@code agent}, so no agent can put words in another's mouth. Naming
 * anything else is refused with {@code context.actor_not_allowed} (403).
 */
final class ContextWriters {

    static final String NOT_ALLOWED = "context.actor_not_allowed";

    private ContextWriters() {}

    static String actor(ContextSource source, String claimed) {
        SignedInUser user = AgentAccess.currentUser()
                .orElseThrow(() -> new IllegalStateException("context writes need a signed-in user"));
        if (user.has(Role.ADMIN)) {
            return claimed != null ? claimed : source.wireName() + ":" + user.getUsername();
        }
        String own = "agent:" + user.getUsername();
        if (source != ContextSource.AGENT || (claimed != null && !claimed.equals(own))) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    NOT_ALLOWED,
                    "an agent writes context as source 'agent' and actor '" + own + "' only");
        }
        return own;
    }
}
