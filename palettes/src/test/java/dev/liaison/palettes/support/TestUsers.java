package dev.liaison.palettes.support;

import dev.liaison.palettes.security.Role;
import dev.liaison.palettes.security.UserService;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates users for tests through the real {@link UserService}: each call a new user with a unique name and a random
 * password, so test classes sharing a database never meet each other's users.
 */
public final class TestUsers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserService users;

    public TestUsers(UserService users) {
        this.users = users;
    }

    /** Who to call as: a user name and its password. */
    public record Credentials(String username, String password) {}

    public Credentials admin() {
        return create("admin", Set.of(Role.ADMIN), null);
    }

    public Credentials designer() {
        return create("designer", Set.of(Role.DESIGNER), null);
    }

    public Credentials metrics() {
        return create("metrics", Set.of(Role.METRICS), null);
    }

    /** An AGENT user linked to the ACD agent {@code agentId}. */
    public Credentials agent(UUID agentId) {
        return create("agent", Set.of(Role.AGENT), agentId);
    }

    public Credentials create(String prefix, Set<Role> roles, UUID agentId) {
        String username =
                prefix + "-" + SEQUENCE.incrementAndGet() + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt());
        String password = randomPassword();
        users.create(new UserService.NewUser(username, password, roles, agentId));
        return new Credentials(username, password);
    }

    public static String randomPassword() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "pw-" + HexFormat.of().formatHex(bytes);
    }
}
