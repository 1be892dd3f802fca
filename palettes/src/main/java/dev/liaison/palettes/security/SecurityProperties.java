package dev.liaison.palettes.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in settings ({@code liaison.security.*}), checked at startup; docs/security.md explains them.
 *
 * @param bootstrapAdmin the first administrator, created when no enabled ADMIN exists
 * @param minPasswordLength the shortest password a user may be given (bcrypt reads at most 72 bytes)
 * @param allowedOrigins origins besides the application's own from which browsers may send state-changing requests
 *     ({@code https://admin.example.com}); requests from any other {@code Origin} are refused
 * @param passwordHashStrength bcrypt's cost: each step doubles the work of hashing and checking a password (10 takes
 *     tens of milliseconds)
 * @param signIn how many wrong passwords lock an account, and how many failed sign-ins an address may make
 */
@Validated
@ConfigurationProperties("liaison.security")
public record SecurityProperties(
        @DefaultValue @Valid @NotNull BootstrapAdmin bootstrapAdmin,
        @DefaultValue("12") @Min(8) @Max(64) int minPasswordLength,
        @DefaultValue List<@NotNull @Pattern(regexp = "https?://[^/?#\\s]+") String> allowedOrigins,
        @DefaultValue("10") @Min(4) @Max(16) int passwordHashStrength,
        @DefaultValue @Valid @NotNull SignIn signIn) {

    public SecurityProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(SecurityProperties::normalizeOrigin)
                        .toList();
    }

    /**
     * @param username name of the first administrator
     * @param password its password, from a secret in the environment; when empty, the development profile generates
     *     one and prints it once, and any other profile creates no user
     */
    public record BootstrapAdmin(
            @DefaultValue("admin") @Pattern(regexp = UserNames.REGEX) String username,
            @DefaultValue("") String password) {

        public boolean hasPassword() {
            return password != null && !password.isEmpty();
        }

        @Override
        public String toString() {
            return "BootstrapAdmin[username=" + username + ", password=" + (hasPassword() ? "(set)" : "(unset)") + "]";
        }
    }

    /**
     * Limits on guessing passwords.
     *
     * @param maxFailures wrong passwords for one user, within {@code failureWindow}, that lock it
     * @param failureWindow how long failures are counted from the first one; after it the count starts again
     * @param lockout how long a locked user cannot sign in, whatever the password (an admin may unlock it sooner)
     * @param addressMaxFailures failed sign-ins from one client address, within {@code addressWindow}, after which
     *     that address may not try again until the window ends (any user name, existing or not)
     * @param addressWindow the window of {@code addressMaxFailures}
     * @param addressesTracked client addresses remembered per node; the least recently failing are forgotten first
     */
    public record SignIn(
            @DefaultValue("5") @Min(1) @Max(100) int maxFailures,
            @DefaultValue("15m") @NotNull Duration failureWindow,
            @DefaultValue("15m") @NotNull Duration lockout,
            @DefaultValue("20") @Min(1) @Max(10_000) int addressMaxFailures,
            @DefaultValue("5m") @NotNull Duration addressWindow,
            @DefaultValue("10000") @Min(100) @Max(1_000_000) int addressesTracked) {

        public SignIn {
            requirePositive(failureWindow, "failure-window");
            requirePositive(lockout, "lockout");
            requirePositive(addressWindow, "address-window");
        }

        private static void requirePositive(Duration duration, String name) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("liaison.security.sign-in." + name + " must be positive");
            }
        }
    }

    static String normalizeOrigin(String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin;
            }
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return origin;
        }
    }
}
