package dev.liaison.palettes.security;

import dev.liaison.palettes.agent.AgentRepository;
import dev.liaison.palettes.web.ApiException;
import dev.liaison.palettes.web.ConflictException;
import dev.liaison.palettes.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users and changes their roles, agent link, password and enabled flag. It keeps two invariants the schema
 * cannot: only AGENT users are linked to an agent, and at least one enabled ADMIN remains once there is one.
 */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final UserAccountRepository users;
    private final AgentRepository agents;
    private final PasswordEncoder encoder;
    private final PasswordRules passwordRules;
    private final SignInFailureStore failures;
    private final Clock clock;

    UserService(
            UserAccountRepository users,
            AgentRepository agents,
            PasswordEncoder encoder,
            SecurityProperties properties,
            SignInFailureStore failures,
            Clock clock) {
        this.users = users;
        this.failures = failures;
        this.agents = agents;
        this.encoder = encoder;
        this.passwordRules = new PasswordRules(properties.minPasswordLength());
        this.clock = clock;
    }

    /** A user to create; {@code agentId} only for AGENT users. */
    public record NewUser(String username, String password, Set<Role> roles, UUID agentId) {

        @Override
        public String toString() {
            return "NewUser[" + username + ", " + roles + "]";
        }
    }

    @Transactional
    public UserAccount create(NewUser user) {
        if (!UserNames.isValid(user.username())) {
            throw invalid("username", "must match " + UserNames.REGEX);
        }
        if (users.existsByUsername(user.username())) {
            throw new ConflictException("user.exists", "user " + user.username() + " exists");
        }
        checkPassword(user.password(), user.username());
        Set<Role> roles = checkRoles(user.roles(), user.agentId(), null);
        UserAccount account = new UserAccount(
                UUID.randomUUID(),
                user.username(),
                encoder.encode(user.password()),
                roles,
                user.agentId(),
                clock.instant());
        users.saveAndFlush(account);
        log.info("user {} created with roles {}", account.getUsername(), roles);
        return account;
    }

    @Transactional(readOnly = true)
    public UserAccount get(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("user", username));
    }

    @Transactional(readOnly = true)
    public List<UserAccount> all() {
        return users.findAllByOrderByUsernameAsc();
    }

    @Transactional
    public UserAccount changeRoles(String username, Set<Role> roles, UUID agentId) {
        UserAccount account = get(username);
        Set<Role> checked = checkRoles(roles, agentId, account.getId());
        if (account.getRoles().contains(Role.ADMIN) && !checked.contains(Role.ADMIN)) {
            requireAnotherAdmin(account);
        }
        account.changeRoles(checked, agentId, clock.instant());
        users.saveAndFlush(account);
        log.info("user {} now has roles {}", username, checked);
        return account;
    }

    @Transactional
    public UserAccount changePassword(String username, String password) {
        UserAccount account = get(username);
        checkPassword(password, username);
        account.changePassword(encoder.encode(password), clock.instant());
        users.saveAndFlush(account);
        failures.clear(account.getId());
        log.info("password of user {} changed", username);
        return account;
    }

    /** Lifts a user's lockout and forgets its failed sign-ins; true when there was something to forget. */
    @Transactional
    public boolean unlock(String username) {
        UserAccount account = get(username);
        boolean cleared = failures.clear(account.getId());
        log.info("user {} unlocked{}", username, cleared ? "" : " (had no failed sign-ins)");
        return cleared;
    }

    /** When the user's lockout ends, if it is locked now. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(UserAccount account) {
        Instant now = clock.instant();
        return failures.find(account.getId())
                .filter(record -> record.lockedAt(now))
                .map(FailedSignIns::lockedUntil);
    }

    /** The users locked now, with the end of their lockout. */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> locked() {
        return failures.locked(clock.instant());
    }

    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        UserAccount account = get(username);
        if (!enabled && account.isEnabled() && account.getRoles().contains(Role.ADMIN)) {
            requireAnotherAdmin(account);
        }
        account.changeEnabled(enabled, clock.instant());
        users.saveAndFlush(account);
        log.info("user {} {}", username, enabled ? "enabled" : "disabled");
        return account;
    }

    /** Whether some enabled user holds ADMIN. */
    @Transactional(readOnly = true)
    public boolean anyEnabledAdmin() {
        return users.existsEnabledWithRole(Role.ADMIN);
    }

    /**
     * Makes {@code username} an enabled ADMIN with {@code password}, creating it when missing. Used only by the
     * bootstrap, when no enabled ADMIN exists.
     */
    @Transactional
    UserAccount bootstrapAdmin(String username, String password) {
        UserAccount account = users.findByUsername(username).orElse(null);
        if (account == null) {
            account = new UserAccount(
                    UUID.randomUUID(), username, encoder.encode(password), Set.of(Role.ADMIN), null, clock.instant());
        } else {
            Set<Role> roles = EnumSet.of(Role.ADMIN);
            roles.addAll(account.getRoles());
            account.changeRoles(roles, account.getAgentId(), clock.instant());
            account.changePassword(encoder.encode(password), clock.instant());
            account.changeEnabled(true, clock.instant());
        }
        return users.saveAndFlush(account);
    }

    private void checkPassword(String password, String username) {
        passwordRules.problem(password, username).ifPresent(problem -> {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "user.password_rejected",
                    "password " + problem,
                    Map.of("errors", List.of(Map.of("field", "password", "message", problem))));
        });
    }

    private Set<Role> checkRoles(Set<Role> roles, UUID agentId, UUID self) {
        if (roles == null || roles.isEmpty()) {
            throw invalid("roles", "must name at least one role");
        }
        Set<Role> checked = EnumSet.copyOf(roles);
        if (agentId != null) {
            if (!checked.contains(Role.AGENT)) {
                throw invalid("agentId", "only an AGENT user may be linked to an agent");
            }
            if (!agents.existsById(agentId)) {
                throw new NotFoundException("agent", agentId);
            }
            users.findByAgentId(agentId)
                    .filter(other -> !other.getId().equals(self))
                    .ifPresent(other -> {
                        throw new ConflictException(
                                "user.agent_already_linked",
                                "agent " + agentId + " is already linked to user " + other.getUsername());
                    });
        }
        return checked;
    }

    private void requireAnotherAdmin(UserAccount account) {
        if (!users.existsOtherEnabledWithRole(Role.ADMIN, account.getId())) {
            throw new ConflictException(
                    "user.last_admin", "user " + account.getUsername() + " is the last enabled ADMIN; keep one");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "request.invalid",
                field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
