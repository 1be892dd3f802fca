package dev.liaison.routes.agentdesk;

import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Mints the {@code /ws/client} token an agent's desktop uses as its media and chat client, and tells agent sessions
 * from customer ones. Agent tokens are issued for the reserved site {@link #SITE}, which no customer site can be
 * named ({@code liaison.sites} names are lower-case letters, digits and '-'), with the subject
 * {@code agent-<agent id>}, no destination and no origin restriction. So a customer token never passes for an agent
 * (its site is a configured customer site) and an agent token never passes for a customer (its site is not).
 */
@Component
@EnableConfigurationProperties(AgentDeskProperties.class)
public class AgentClientTokens {

    /** The token {@code site} of every agent desktop session. */
    public static final String SITE = "_agents";

    /** Subjects of agent tokens are this prefix and the agent's id. */
    static final String SUBJECT_PREFIX = "agent-";

    private final ClientTokenIssuer issuer;
    private final AgentDirectory agents;
    private final AgentDeskProperties properties;
    private final Clock clock;

    AgentClientTokens(
            ClientTokenIssuer issuer,
            AgentDirectory agents,
            AgentDeskProperties properties,
            ObjectProvider<Clock> clock) {
        this.issuer = issuer;
        this.agents = agents;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * A fresh token for the agent {@code agentId}.
     *
     * @throws dev.liaison.palettes.web.NotFoundException {@code agent.not_found} when there is no such agent
     */
    public AgentClientToken issue(UUID agentId) {
        Agent agent = agents.get(agentId);
        String subject = subjectOf(agent.getId());
        Instant expiresAt = clock.instant().plus(properties.tokenTtl());
        String token = issuer.issue(subject, SITE, Set.of(), Set.of(), properties.tokenTtl());
        return new AgentClientToken(token, subject, SITE, expiresAt);
    }

    /** The token subject of the agent {@code agentId}'s desktop sessions. */
    public static String subjectOf(UUID agentId) {
        return SUBJECT_PREFIX + agentId;
    }

    /** The agent a client session belongs to, when it is an agent desktop session; empty for a customer. */
    public static Optional<UUID> agentOf(ClientSessionInfo session) {
        if (!SITE.equals(session.site()) || !session.subject().startsWith(SUBJECT_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(session.subject().substring(SUBJECT_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
