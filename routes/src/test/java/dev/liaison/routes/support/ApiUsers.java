package dev.liaison.routes.support;

import dev.liaison.palettes.security.Role;
import dev.liaison.palettes.security.UserService;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Users for the application tests, created through the real {@link UserService} with unique names and random
 * passwords, and the HTTP Basic header to call the API as them.
 */
public final class ApiUsers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserService users;

    public ApiUsers(UserService users) {
        this.users = users;
    }

    /** A user name and its password, and the {@code Authorization} header value that carries them. */
    public record Credentials(String username, String password) {

        public String basic() {
            return basic(username, password);
        }

        public static String basic(String username, String password) {
            return "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    public Credentials admin() {
        return create("admin", Role.ADMIN);
    }

    public Credentials metrics() {
        return create("metrics", Role.METRICS);
    }

    /** An AGENT user linked to the ACD agent {@code agentId}. */
    public Credentials agent(java.util.UUID agentId) {
        return create("agent", Role.AGENT, agentId);
    }

    private Credentials create(String prefix, Role role) {
        return create(prefix, role, null);
    }

    private Credentials create(String prefix, Role role, java.util.UUID agentId) {
        String username =
                prefix + "-" + SEQUENCE.incrementAndGet() + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt());
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        String password = "pw-" + HexFormat.of().formatHex(secret);
        users.create(new UserService.NewUser(username, password, Set.of(role), agentId));
        return new Credentials(username, password);
    }
}
