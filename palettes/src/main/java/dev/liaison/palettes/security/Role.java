package dev.liaison.palettes.security;

/** What a user may do; docs/security.md lists each role's rights. A user may hold several. */
public enum Role {
    /** Configures everything (queues, skills, agents, workflows, users, ...) and may act for any agent. */
    ADMIN,
    /** Works contacts as the ACD agent the user is linked to: state, offers, own tasks, context writes. */
    AGENT,
    /** Designs routing: checks target expressions and reads the configuration. */
    DESIGNER,
    /** Scrapes {@code /actuator/prometheus} and nothing else (a monitoring system's account). */
    METRICS;

    /** The Spring Security authority of this role, {@code ROLE_ADMIN} for {@link #ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
