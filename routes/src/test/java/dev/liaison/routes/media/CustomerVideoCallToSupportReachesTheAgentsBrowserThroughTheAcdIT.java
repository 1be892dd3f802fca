package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.config.MediaBroker;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.routing.AgentStateService;
import dev.liaison.palettes.routing.QueueService;
import dev.liaison.palettes.routing.QueueSpec;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskStatus;
import dev.liaison.palettes.security.UserService;
import dev.liaison.routes.acd.AcdCalls;
import dev.liaison.routes.contact.AgentOffer;
import dev.liaison.routes.contact.ContactConstants;
import dev.liaison.routes.media.ClientCallBrowser.Codec;
import dev.liaison.routes.support.ApiUsers;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 6 end to end in two headless Chromiums through the real media broker: the customer's page calls the ACD
 * destination {@code support} with video; the signed-in agent, whose page got its {@code /ws/client} token from
 * {@code POST /api/v1/agents/{id}/client-token}, gets the offer with the screen pop on {@code seda:agent-events},
 * accepts it over REST; the agent's page gets {@code incoming-call} and answers; both pages hear audio and decode
 * video on a pair ending on the broker's muxed port; the customer hangs up and the task is in wrap-up. Nothing is
 * left: no call, client session, bridge, WebRTC session, tracked ACD call or Chromium.
 */
@LiaisonIntegrationTest
class CustomerVideoCallToSupportReachesTheAgentsBrowserThroughTheAcdIT {

    private static final String QUEUE = "browser_support";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.acd.destinations.support.queue", () -> QUEUE);
        registry.add("liaison.media.enabled", () -> "true");
        registry.add("liaison.media.mux.bind-address", () -> "127.0.0.1");
        registry.add("liaison.media.mux.port", () -> 0);
        registry.add("liaison.media.rtp.bind-address", () -> "127.0.0.1");
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    ClientTokenIssuer tokens;

    @Autowired
    B2bua b2bua;

    @Autowired
    ClientSessionRegistry sessions;

    @Autowired
    ObjectProvider<MediaPort> mediaPort;

    @Autowired
    ObjectProvider<MediaBridges> bridges;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MediaBroker broker;

    @Autowired
    AcdCalls acdCalls;

    @Autowired
    AgentDirectory agents;

    @Autowired
    AgentStateService agentStates;

    @Autowired
    QueueService queues;

    @Autowired
    TaskService tasks;

    @Autowired
    UserService users;

    @Autowired
    ConsumerTemplate consumer;

    private final List<ClientCallBrowser> browsers = new ArrayList<>();
    private Agent agent;

    @Test
    void theAgentAcceptsAndBothBrowsersSeeAndHearEachOtherThroughTheBroker() throws Exception {
        assertThat(mediaPort.getIfAvailable()).isNotNull().isNotInstanceOf(PassThroughMediaPort.class);
        agents.createSkill("browser_support", null);
        queues.create(new QueueSpec(QUEUE, null, "skills HAS 'browser_support'", 30, 60, 20));
        agent = agents.create(
                new AgentSpec("browser_agent", "Browser Agent", Map.of("browser_support", 5), null, null),
                Map.of("voice", 1, "video", 1, "chat", 3, "callback", 1));
        ApiUsers.Credentials user = new ApiUsers(users).agent(agent.getId());
        HttpResponse<String> issued = post("/api/v1/agents/" + agent.getId() + "/client-token", user, "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String agentToken = JSON.readTree(issued.body()).path("token").asText();

        String ws = "ws://127.0.0.1:" + httpPort + "/ws/client";
        try (ClientCallBrowser desk = ClientCallBrowser.answering(ws, agentToken)) {
            browsers.add(desk);
            desk.nextMessage("session");
            HttpResponse<String> available =
                    send("PUT", "/api/v1/agents/" + agent.getId() + "/state", user, "{\"state\":\"AVAILABLE\"}");
            assertThat(available.statusCode()).as(available.body()).isEqualTo(200);

            String customerToken =
                    tokens.issue("anon-browser-customer", "acme", Set.of("support"), Set.of(), Duration.ofMinutes(5));
            try (ClientCallBrowser customer = ClientCallBrowser.call(ws, customerToken, "support", Codec.OPUS, true)) {
                browsers.add(customer);
                customer.nextMessage("ringing");

                AgentOffer offer = offer();
                assertThat(offer.channel()).isEqualTo("video");
                assertThat(offer.context().path("identity").path("subject").asText())
                        .isEqualTo("anon-browser-customer");
                HttpResponse<String> accepted = post(
                        "/api/v1/agents/" + agent.getId() + "/reservations/" + offer.reservationId() + "/accept",
                        user,
                        "");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

                JsonNode incoming = desk.nextMessage("incoming-call");
                assertThat(incoming.path("media").asText()).isEqualTo("video");
                assertThat(incoming.path("sdp").asText()).contains("a=ice-lite");
                customer.nextMessage("answered");

                mediaFlows("the customer", customer);
                mediaFlows("the agent", desk);

                customer.hangUp();
                assertThat(customer.nextMessage("ended").path("reason").asText())
                        .isEqualTo("normal");
                assertThat(desk.nextMessage("ended").path("reason").asText()).isEqualTo("normal");
                await("the task is in wrap-up")
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> tasks.get(offer.taskId()).getStatus() == TaskStatus.WRAPPING);
                tasks.finishWrapUp(offer.taskId(), "solved", "test");

                for (ClientCallBrowser browser : List.of(customer, desk)) {
                    browser.awaitPageEvent("peer-closed");
                    browser.endSession();
                    browser.nextMessage("session-ended");
                }
                assertThat(customer.failures())
                        .as("failures on the customer's page")
                        .isEmpty();
                assertThat(desk.failures()).as("failures on the agent's page").isEmpty();
            }
        }
    }

    private AgentOffer offer() {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Exchange exchange = consumer.receive(ContactConstants.AGENT_EVENTS_ENDPOINT, 500);
            if (exchange != null && exchange.getMessage().getBody() instanceof AgentOffer offer) {
                return offer;
            }
        }
        throw new AssertionError("no offer reached the agent side");
    }

    private void mediaFlows(String who, ClientCallBrowser browser) {
        JsonNode stats = browser.awaitStats(
                who + " hears and sees the other side: DTLS connected, audio with a level above 0, video decoded",
                s -> s.path("transport").path("dtlsState").asText().equals("connected")
                        && s.path("inbound").path("packetsReceived").asLong() > 0
                        && s.path("maxAudioLevel").asDouble() > 0
                        && (s.path("inboundVideo").path("framesDecoded").asLong() > 0
                                || (s.path("inboundVideo")
                                                        .path("packetsReceived")
                                                        .asLong()
                                                > 0
                                        && s.path("inboundVideo")
                                                        .path("frameWidth")
                                                        .asInt()
                                                > 0)));
        assertThat(stats.path("selectedPair").path("remote").path("port").asInt())
                .as(who + "'s selected pair ends on the broker's muxed port")
                .isEqualTo(broker.resources().mux().localAddress().getPort());
    }

    private HttpResponse<String> post(String path, ApiUsers.Credentials as, String json) throws Exception {
        return send("POST", path, as, json);
    }

    private HttpResponse<String> send(String method, String path, ApiUsers.Credentials as, String json)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", as.basic())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void nothingLeaked() {
        await("no call, client session, media bridge, WebRTC session or tracked ACD call left")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    assertThat(b2bua.activeCallIds()).as("calls").isEmpty();
                    assertThat(acdCalls.size()).as("tracked ACD calls").isZero();
                    assertThat(sessions.sessionCount()).as("client sessions").isZero();
                    assertThat(sessions.legCount()).as("client legs").isZero();
                    assertThat(bridges.getObject().openCount())
                            .as("media bridges")
                            .isZero();
                    assertThat(meters.find("liaison.media.mux.sessions").gauges())
                            .as("WebRTC sessions on the muxed port")
                            .allSatisfy(gauge -> assertThat(gauge.value()).isZero());
                });
        assertThat(browsers).as("Chromium stopped, profile deleted").allMatch(ClientCallBrowser::closed);
        if (agent != null) {
            agentStates.logOut(agent.getId());
        }
    }
}
