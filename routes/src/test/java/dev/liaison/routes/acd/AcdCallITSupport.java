package dev.liaison.routes.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.client.it.ProtocolTestClient;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.context.TimelineEvent;
import dev.liaison.palettes.context.TimelineService;
import dev.liaison.palettes.routing.AgentStateService;
import dev.liaison.palettes.routing.QueueService;
import dev.liaison.palettes.routing.QueueSpec;
import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.security.UserService;
import dev.liaison.routes.contact.AgentOffer;
import dev.liaison.routes.contact.ContactConstants;
import dev.liaison.routes.support.ApiUsers;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with two ACD destinations on one queue with a 60 s wrap-up ({@code support}, and
 * {@code quick} whose calls wait at most 2 s), a pass-through media broker double, customers and agents on real
 * {@code /ws/client} sockets, the agent's actions through the REST API as an AGENT user. Every test ends with no call,
 * client session or leg, tracked ACD call, open media bridge or unfinished task of the queue left, and its agents
 * signed out.
 */
@LiaisonIntegrationTest
@Import(AcdCallITSupport.PassThroughMedia.class)
abstract class AcdCallITSupport {

    static final String QUEUE = "acd_support";
    static final String SKILL = "acd_support_skill";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String CUSTOMER_OFFER = "v=0\r\no=customer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n"
            + "m=video 40002 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\na=sendrecv\r\n";
    static final String AGENT_ANSWER = "v=0\r\no=agent 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 40004 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n"
            + "m=video 40006 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\na=sendrecv\r\n";

    private static final AtomicInteger sequence = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void acdDestinations(DynamicPropertyRegistry registry) {
        registry.add("liaison.acd.destinations.support.queue", () -> QUEUE);
        registry.add("liaison.acd.destinations.quick.queue", () -> QUEUE);
        registry.add("liaison.acd.destinations.quick.max-wait", () -> "2s");
    }

    @TestConfiguration
    static class PassThroughMedia {
        @Bean
        PassThroughMediaPort mediaPort() {
            return new PassThroughMediaPort();
        }
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    B2bua b2bua;

    @Autowired
    ClientSessionRegistry sessions;

    @Autowired
    PassThroughMediaPort media;

    @Autowired
    AcdCalls acdCalls;

    @Autowired
    CustomerInteractions interactions;

    @Autowired
    AgentDirectory agents;

    @Autowired
    AgentStateService agentStates;

    @Autowired
    QueueService queues;

    @Autowired
    TaskService tasks;

    @Autowired
    TimelineService timeline;

    @Autowired
    ClientTokenIssuer tokens;

    @Autowired
    UserService userService;

    @Autowired
    ConsumerTemplate consumer;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Agent> created = new ArrayList<>();

    /** An agent who serves the queue, with an AGENT user linked to it; not signed in yet. */
    AgentAtDesk agent() {
        synchronized (AcdCallITSupport.class) {
            if (queues.all().stream().noneMatch(q -> q.getName().equals(QUEUE))) {
                agents.createSkill(SKILL, null);
                queues.create(new QueueSpec(QUEUE, null, "skills HAS '" + SKILL + "'", 30, 60, 20));
            }
        }
        Agent agent = agents.create(
                new AgentSpec(
                        "acd_agent_" + sequence.incrementAndGet(),
                        "Agent " + sequence.get(),
                        Map.of(SKILL, 5),
                        null,
                        null),
                Map.of("voice", 1, "video", 1, "chat", 3, "callback", 1));
        created.add(agent);
        return new AgentAtDesk(agent, new ApiUsers(userService).agent(agent.getId()));
    }

    /** An agent and the AGENT user that acts as it. */
    record AgentAtDesk(Agent agent, ApiUsers.Credentials user) {
        UUID id() {
            return agent.getId();
        }
    }

    /** A customer's page on /ws/client with a started session, allowed to call the ACD destinations. */
    ProtocolTestClient customer() {
        ProtocolTestClient page = ProtocolTestClient.connect(httpPort);
        String token = tokens.issue(
                "anon-customer" + sequence.incrementAndGet(),
                "acme",
                Set.of("support", "quick"),
                Set.of(),
                Duration.ofMinutes(5));
        page.authenticateAndStart(token, Optional.empty());
        return page;
    }

    /** The agent's desktop: a client token from the REST API, then a session on /ws/client. */
    ProtocolTestClient desktop(AgentAtDesk agent) throws Exception {
        HttpResponse<String> issued = post("/api/v1/agents/" + agent.id() + "/client-token", agent.user());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(issued.body());
        assertThat(body.path("subject").asText()).isEqualTo("agent-" + agent.id());
        assertThat(body.path("site").asText()).isEqualTo("_agents");
        ProtocolTestClient desk = ProtocolTestClient.connect(httpPort);
        desk.authenticateAndStart(body.path("token").asText(), Optional.empty());
        return desk;
    }

    HttpResponse<String> post(String path, ApiUsers.Credentials as) throws Exception {
        return send("POST", path, as, "");
    }

    HttpResponse<String> send(String method, String path, ApiUsers.Credentials as, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", as.basic())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    void goAvailable(AgentAtDesk agent) throws Exception {
        HttpResponse<String> response =
                send("PUT", "/api/v1/agents/" + agent.id() + "/state", agent.user(), "{\"state\":\"AVAILABLE\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The next offer to {@code agent} on the agent side. */
    AgentOffer offerTo(AgentAtDesk agent) {
        return awaitAgentEvent(
                AgentOffer.class, offer -> offer.agent().equals(agent.agent().getLogin()));
    }

    <T> T awaitAgentEvent(Class<T> type, java.util.function.Predicate<T> matches) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            Exchange exchange = consumer.receive(ContactConstants.AGENT_EVENTS_ENDPOINT, 500);
            if (exchange != null && type.isInstance(exchange.getMessage().getBody())) {
                T event = type.cast(exchange.getMessage().getBody());
                if (matches.test(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " on the agent side within " + WAIT);
    }

    Task awaitTask(UUID taskId, TaskStatus status) {
        await("task " + taskId + " " + status)
                .atMost(WAIT)
                .until(() -> tasks.get(taskId).getStatus() == status);
        return tasks.get(taskId);
    }

    List<String> timelineTypes(UUID correlationId) {
        return timeline.list(correlationId, 0, 1000).stream()
                .map(TimelineEvent::type)
                .toList();
    }

    List<TimelineEvent> timelineOf(UUID correlationId, String type) {
        return timeline.list(correlationId, 0, 1000).stream()
                .filter(e -> e.type().equals(type))
                .toList();
    }

    @AfterEach
    void nothingLeaked() {
        await("no call, client session or leg, or tracked ACD call left")
                .atMost(WAIT)
                .untilAsserted(() -> {
                    assertThat(b2bua.activeCallIds()).as("calls").isEmpty();
                    assertThat(acdCalls.size()).as("tracked ACD calls").isZero();
                    assertThat(sessions.sessionCount()).as("client sessions").isZero();
                    assertThat(sessions.legCount()).as("client legs").isZero();
                    assertThat(interactions.size())
                            .as("remembered customer sessions")
                            .isZero();
                });
        assertThat(media.allClosed()).as("media bridges closed").isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM task WHERE status IN ('PENDING', 'RESERVED', 'ASSIGNED')", Integer.class))
                .as("no task left waiting or assigned")
                .isZero();
        for (Agent agent : created) {
            for (UUID task : jdbc.queryForList(
                    "SELECT id FROM task WHERE agent_id = ? AND status = 'WRAPPING'", UUID.class, agent.getId())) {
                tasks.finishWrapUp(task, "test-cleanup", "test");
            }
            agentStates.logOut(agent.getId());
        }
        created.clear();
    }
}
