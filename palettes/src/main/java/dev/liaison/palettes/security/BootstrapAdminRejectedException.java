package dev.liaison.palettes.security;

/** The configured first-administrator password may not be used: the node does not start. */
public class BootstrapAdminRejectedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The setting to change, named in the message and in the start-up failure report. */
    public static final String SETTING = "liaison.security.bootstrap-admin.password";

    BootstrapAdminRejectedException(String why) {
        super(SETTING + " " + why
                + ": set it from a secret (environment variable LIAISON_SECURITY_BOOTSTRAPADMIN_PASSWORD)"
                + " to a random password of at least the minimum length, or leave it unset once an ADMIN exists");
    }
}
