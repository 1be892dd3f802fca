package dev.liaison.palettes.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Who may sign in, with which roles; admins only, except /me")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    /** A user as the API shows it; never the password or its hash. */
    record UserView(
            UUID id,
            String username,
            Set<Role> roles,
            @Schema(description = "the ACD agent an AGENT user acts as") UUID agentId,
            boolean enabled,
            @Schema(
                            description = "while the user is locked after too many wrong passwords: when the lockout"
                                    + " ends; absent otherwise")
                    Instant lockedUntil,
            Instant createdAt,
            Instant updatedAt) {

        static UserView of(UserAccount account, Instant lockedUntil) {
            return new UserView(
                    account.getId(),
                    account.getUsername(),
                    account.getRoles(),
                    account.getAgentId(),
                    account.isEnabled(),
                    lockedUntil,
                    account.getCreatedAt(),
                    account.getUpdatedAt());
        }
    }

    private UserView view(UserAccount account) {
        return UserView.of(account, users.lockedUntil(account).orElse(null));
    }

    /** Body of {@code POST /api/v1/users}. */
    record NewUserBody(
            @NotNull @Size(max = UserNames.MAX_LENGTH) String username,
            @NotNull @Size(max = 200) @Schema(description = "at least liaison.security.min-password-length characters")
                    String password,
            @NotEmpty @Size(max = 4) Set<@NotNull Role> roles,
            @Schema(description = "only for AGENT users: the agent they act as") UUID agentId) {

        @Override
        public String toString() {
            return "NewUserBody[" + username + ", " + roles + "]";
        }
    }

    /** Body of {@code PUT /api/v1/users/{username}/roles}. */
    record RolesBody(@NotEmpty @Size(max = 4) Set<@NotNull Role> roles, UUID agentId) {}

    /** Body of {@code PUT /api/v1/users/{username}/password}. */
    record PasswordBody(@NotNull @Size(max = 200) String password) {

        @Override
        public String toString() {
            return "PasswordBody[***]";
        }
    }

    /** Who the caller is: what a web UI asks first. */
    record Me(String username, Set<Role> roles, UUID agentId) {}

    @GetMapping("/me")
    @PreAuthorize(Access.SIGNED_IN)
    @Operation(summary = "The signed-in user: name, roles and linked agent")
    Me me() {
        SignedInUser user = AgentAccess.currentUser().orElseThrow();
        return new Me(user.getUsername(), user.roles(), user.agentId().orElse(null));
    }

    @GetMapping
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "All users, by name")
    List<UserView> list() {
        Map<UUID, Instant> locked = users.locked();
        return users.all().stream()
                .map(account -> UserView.of(account, locked.get(account.getId())))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Create a user with roles and a password (and, for an AGENT, the agent it acts as)")
    @ApiResponse(responseCode = "201", description = "the user")
    @ApiResponse(
            responseCode = "400",
            description = "invalid name or roles (request.invalid), weak password (user.password_rejected)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "name taken (user.exists), agent linked to another user (user.agent_already_linked)",
            content = @Content(mediaType = "application/problem+json"))
    UserView create(@Valid @RequestBody NewUserBody body) {
        return view(
                users.create(new UserService.NewUser(body.username(), body.password(), body.roles(), body.agentId())));
    }

    @GetMapping("/{username}")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "One user")
    UserView get(@PathVariable String username) {
        return view(users.get(username));
    }

    @PutMapping("/{username}/roles")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Replace a user's roles and agent link; the last enabled ADMIN keeps ADMIN (user.last_admin)")
    UserView changeRoles(@PathVariable String username, @Valid @RequestBody RolesBody body) {
        return view(users.changeRoles(username, body.roles(), body.agentId()));
    }

    @PutMapping("/{username}/password")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Set a user's password; the user's open sessions end")
    UserView changePassword(@PathVariable String username, @Valid @RequestBody PasswordBody body) {
        return view(users.changePassword(username, body.password()));
    }

    @PostMapping("/{username}/disable")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Stop a user from signing in; open sessions end. The last enabled ADMIN stays enabled")
    UserView disable(@PathVariable String username) {
        return view(users.setEnabled(username, false));
    }

    @PostMapping("/{username}/unlock")
    @PreAuthorize(Access.ADMIN)
    @Operation(
            summary = "Lift the lockout of a user locked after too many wrong passwords, and forget its failed"
                    + " sign-ins (setting a new password does it too)")
    UserView unlock(@PathVariable String username) {
        users.unlock(username);
        return view(users.get(username));
    }

    @PostMapping("/{username}/enable")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Let a disabled user sign in again")
    UserView enable(@PathVariable String username) {
        return view(users.setEnabled(username, true));
    }
}
