package dev.liaison.palettes.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The development profile, {@value #NAME}: what {@code scripts/run} starts (embedded PostgreSQL on the developer's
 * machine). Only there is a first administrator created with a generated password.
 */
public final class DevelopmentProfile {

    public static final String NAME = "dev";

    private DevelopmentProfile() {}

    static boolean isActive(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(NAME));
    }
}
