package dev.liaison.palettes.security;

/**
 * Who may call what: the {@code @PreAuthorize} expressions every REST handler names. docs/security.md has the table.
 * A test checks that no {@code /api/v1} handler goes without one.
 */
public final class Access {

    /** Any person who works with Liaison: reads of the configuration, statistics, contacts. */
    public static final String READ = "hasAnyRole('ADMIN', 'AGENT', 'DESIGNER')";

    /** Configuration writes: queues, skills, agents, workflows, users, destinations, tokens. */
    public static final String ADMIN = "hasRole('ADMIN')";

    /** Designing routing: checking target expressions. */
    public static final String DESIGN = "hasAnyRole('ADMIN', 'DESIGNER')";

    /** Work on contacts that is not bound to one agent: context writes, callbacks, resolving interactions. */
    public static final String WORK = "hasAnyRole('ADMIN', 'AGENT')";

    /** Acting as the agent whose id is the handler's {@code id} argument: own state, offers, heartbeat. */
    public static final String AS_AGENT = "hasRole('ADMIN') or (hasRole('AGENT') and @agentAccess.isOwnAgent(#id))";

    /** Any signed-in user, whatever their roles (who am I). */
    public static final String SIGNED_IN = "isAuthenticated()";

    private Access() {}
}
