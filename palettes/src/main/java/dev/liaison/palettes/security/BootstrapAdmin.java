package dev.liaison.palettes.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in to a new installation, and never with a known password.
 *
 * <ul>
 *   <li>When an enabled ADMIN exists, it does nothing.
 *   <li>Otherwise, when {@code liaison.security.bootstrap-admin.password} is set (from a secret), it creates the
 *       ADMIN {@code liaison.security.bootstrap-admin.username} with it. Outside the development profile a password
 *       that looks like a default (or is too short) stops the node at start-up, before it listens.
 *   <li>Otherwise, in the development profile only, it creates that ADMIN with a generated random password and prints
 *       it once; the next start finds the ADMIN and prints nothing.
 *   <li>Otherwise no user is created, and it says how to create the first one.
 * </ul>
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final int GENERATED_BYTES = 18;

    private final UserService users;
    private final SecurityProperties.BootstrapAdmin settings;
    private final boolean development;
    private final SecureRandom random = new SecureRandom();

    BootstrapAdmin(UserService users, SecurityProperties properties, Environment environment) {
        this.users = users;
        this.settings = properties.bootstrapAdmin();
        this.development = DevelopmentProfile.isActive(environment);
        if (settings.hasPassword() && !development) {
            new PasswordRules(properties.minPasswordLength())
                    .problem(settings.password(), settings.username())
                    .ifPresent(problem -> {
                        throw new BootstrapAdminRejectedException(problem);
                    });
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyEnabledAdmin()) {
            if (settings.hasPassword()) {
                log.info(
                        "an enabled ADMIN exists; {} is not used and can be removed",
                        BootstrapAdminRejectedException.SETTING);
            }
            return;
        }
        if (settings.hasPassword()) {
            users.bootstrapAdmin(settings.username(), settings.password());
            log.warn(
                    "created the first ADMIN user '{}' with the password from {}",
                    settings.username(),
                    BootstrapAdminRejectedException.SETTING);
            return;
        }
        if (!development) {
            log.warn(
                    "no enabled ADMIN user exists and none is created: set {} (from a secret) to create '{}' at the"
                            + " next start",
                    BootstrapAdminRejectedException.SETTING,
                    settings.username());
            return;
        }
        String password = generatedPassword();
        users.bootstrapAdmin(settings.username(), password);
        log.warn(
                "\n\n    Liaison development profile: created the first ADMIN user.\n"
                        + "    user name: {}\n    password:  {}\n"
                        + "    This password is shown only this once. Sign in at /login, or use it with HTTP Basic.\n",
                settings.username(),
                password);
    }

    private String generatedPassword() {
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
