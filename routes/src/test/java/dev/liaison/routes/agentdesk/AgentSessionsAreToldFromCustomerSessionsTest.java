package dev.liaison.routes.agentdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.client.ClientSessionInfo;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only a session of the reserved agent site with an agent subject is an agent's desktop. */
class AgentSessionsAreToldFromCustomerSessionsTest {

    private final UUID agent = UUID.randomUUID();

    @Test
    void anAgentTokenSessionIsTheAgents() {
        assertThat(AgentClientTokens.agentOf(session(AgentClientTokens.subjectOf(agent), AgentClientTokens.SITE)))
                .contains(agent);
    }

    @Test
    void aCustomerWithAnAgentLikeSubjectIsNoAgent() {
        assertThat(AgentClientTokens.agentOf(session(AgentClientTokens.subjectOf(agent), "acme")))
                .isEmpty();
    }

    @Test
    void aSubjectThatIsNoAgentIdIsNoAgent() {
        assertThat(AgentClientTokens.agentOf(session("agent-7", AgentClientTokens.SITE)))
                .isEmpty();
        assertThat(AgentClientTokens.agentOf(session("anon-x", AgentClientTokens.SITE)))
                .isEmpty();
    }

    @Test
    void theAgentSiteCannotBeACustomerSiteName() {
        assertThat(AgentClientTokens.SITE).doesNotMatch("[a-z0-9][a-z0-9-]{0,62}");
    }

    @Test
    void theTokenLifetimeIsBounded() {
        assertThatThrownBy(() -> new AgentDeskProperties(Duration.ofHours(2)))
                .hasMessage("liaison.agent-desk.token-ttl must be more than 0 and at most 1h, got PT2H");
        assertThatThrownBy(() -> new AgentDeskProperties(Duration.ZERO)).hasMessageContaining("token-ttl");
    }

    private static ClientSessionInfo session(String subject, String site) {
        return new ClientSessionInfo("s-1", "cx-1", subject, site);
    }
}
