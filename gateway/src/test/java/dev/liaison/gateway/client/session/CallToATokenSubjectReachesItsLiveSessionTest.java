package dev.liaison.gateway.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.token.ClientToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dial-plan target {@code client:<subject>} reaches the live session of that token subject (an agent signed in on
 * {@code /ws/client}, whose session id the static dial plan cannot know): the one started last when there are several,
 * never a detached one, and nothing (the call ends {@code not-found}) when the subject is not online.
 */
class CallToATokenSubjectReachesItsLiveSessionTest {

    private final ManualTimeouts timeouts = new ManualTimeouts();
    private final ClientSessionRegistry registry =
            new ClientSessionRegistry(Duration.ofSeconds(30), 2, 4, timeouts, new SessionEvents(List.of()));
    private final ClientLegProvider provider = new ClientLegProvider(registry);
    private final CallRequest request =
            new CallRequest("agent", Optional.empty(), MediaMode.VIDEO, Optional.empty(), Map.of());

    @AfterEach
    void nothingLeaked() {
        registry.closeAll();
        assertThat(registry.sessionCount()).isZero();
        assertThat(registry.legCount()).isZero();
        assertThat(timeouts.pending()).isZero();
    }

    @Test
    void theSubjectsActiveSessionGetsTheCall() {
        registry.start(token("customer-1", "t-0"), Optional.empty(), new RecordingSink(), Optional.empty());
        ClientSession agent =
                registry.start(token("agent-7", "t-1"), Optional.empty(), new RecordingSink(), Optional.empty());

        Optional<CallLeg> leg = provider.createOutbound("client:agent-7", "call-1", request);

        assertThat(leg).get().isInstanceOfSatisfying(ClientLeg.class, l -> {
            assertThat(l.session()).isSameAs(agent);
            assertThat(l.direction()).isEqualTo(ClientLeg.Direction.INCOMING);
            assertThat(l.mode()).isEqualTo(MediaMode.VIDEO);
        });
        leg.get().hangUp(EndReason.NORMAL);
    }

    @Test
    void theSessionStartedLastWinsWhenTheSubjectHasSeveral() {
        registry.start(token("agent-7", "t-1"), Optional.empty(), new RecordingSink(), Optional.empty());
        ClientSession later =
                registry.start(token("agent-7", "t-2"), Optional.empty(), new RecordingSink(), Optional.empty());

        assertThat(registry.activeSessionOf("agent-7")).containsSame(later);
    }

    @Test
    void aSubjectWithNoActiveSessionIsNotFound() {
        RecordingSink sink = new RecordingSink();
        ClientSession agent = registry.start(token("agent-7", "t-1"), Optional.empty(), sink, Optional.empty());
        registry.detach(agent, sink);

        assertThat(provider.createOutbound("client:agent-7", "call-1", request))
                .as("a detached session")
                .isEmpty();
        assertThat(provider.createOutbound("client:agent-8", "call-2", request))
                .as("a subject that is not online")
                .isEmpty();
        assertThat(provider.createOutbound("client:", "call-3", request))
                .as("no subject")
                .isEmpty();
        assertThat(registry.legCount()).isZero();
    }

    @Test
    void aSessionIdTargetStillReachesThatSession() {
        ClientSession agent =
                registry.start(token("agent-7", "t-1"), Optional.empty(), new RecordingSink(), Optional.empty());

        Optional<CallLeg> leg = provider.createOutbound(agent.id(), "call-1", request);

        assertThat(leg).get().isInstanceOfSatisfying(ClientLeg.class, l -> assertThat(l.session())
                .isSameAs(agent));
        leg.get().hangUp(EndReason.NORMAL);
    }

    private static ClientToken token(String subject, String tokenId) {
        return new ClientToken(tokenId, subject, "acme", Set.of(), Set.of(), Instant.parse("2030-01-01T00:00:00Z"));
    }
}
