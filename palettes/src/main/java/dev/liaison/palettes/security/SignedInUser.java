package dev.liaison.palettes.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of an authenticated request: who signed in, with which roles, and which ACD agent they act as. It is
 * a snapshot of the {@link UserAccount} at sign-in; {@link #version()} tells whether the account changed since.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private String passwordHash;
    private final boolean enabled;
    private final Set<Role> roles;
    private final UUID agentId;
    private final long version;
    private final boolean locked;
    private final boolean failedBefore;

    SignedInUser(UserAccount account) {
        this(account, null, null);
    }

    /**
     * @param failures the account's failed sign-ins since its last success, or null for none
     * @param now when the account is loaded, to tell whether its lockout is still on
     */
    SignedInUser(UserAccount account, FailedSignIns failures, java.time.Instant now) {
        this.id = account.getId();
        this.username = account.getUsername();
        this.passwordHash = account.getPasswordHash();
        this.enabled = account.isEnabled();
        this.roles = account.getRoles();
        this.agentId = account.getAgentId();
        this.version = account.getVersion();
        this.failedBefore = failures != null;
        this.locked = failures != null && failures.lockedAt(now);
    }

    public UUID id() {
        return id;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The ACD agent this user acts as, for AGENT users that an admin linked to one. */
    public Optional<UUID> agentId() {
        return Optional.ofNullable(agentId);
    }

    long version() {
        return version;
    }

    /** The account had failed sign-ins when it was loaded: a success clears them. */
    boolean failedBefore() {
        return failedBefore;
    }

    /** Spring Security checks it before the password: a locked account cannot sign in, even with the right one. */
    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + roles + (agentId == null ? "" : ", agent " + agentId) + "]";
    }
}
