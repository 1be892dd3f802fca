package dev.liaison.palettes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.palettes.security.UserService;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard's statistics stream over real HTTP: a client reading {@code GET /api/v1/statistics/stream} sees a
 * task queued and an agent going available as they happen, and the periodic snapshot when nothing happens; only
 * admins may open it, at most {@code max-streams} at once, and a stream the client dropped or that timed out leaves
 * nothing behind on the server.
 */
@PalettesIntegrationTest
@TestPropertySource(
        properties = {
            "liaison.acd.loop-enabled=false",
            "liaison.test.clock=system",
            "liaison.dashboard.max-streams=2",
            "liaison.dashboard.interval=1s",
            "liaison.dashboard.stream-timeout=6s"
        })
class StatisticsStreamFollowsTheAcdIT {

    private static final Duration SOON = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    UserService userService;

    @Autowired
    DashboardStreams streams;

    TestUsers users;
    TestUsers.Credentials admin;
    RestCalls api;
    final List<EventStreamReader> readers = new ArrayList<>();
    final List<String> tasks = new ArrayList<>();

    @BeforeEach
    void client() {
        users = new TestUsers(userService);
        admin = users.admin();
        api = new RestCalls(port, admin);
    }

    @AfterEach
    void nothingLeft() throws InterruptedException {
        for (EventStreamReader reader : readers) {
            reader.close();
        }
        for (String task : tasks) {
            api.post("/api/v1/tasks/" + task + "/cancel", "{}");
        }
        Awaitility.await("every stream gone from the server")
                .atMost(Duration.ofSeconds(10))
                .until(streams::count, count -> count == 0);
        for (String task : tasks) {
            assertThat(api.get("/api/v1/tasks/" + task).getBody().path("status").asText())
                    .isEqualTo("CANCELED");
        }
    }

    @Test
    void aQueuedTaskAndAnAgentGoingAvailableReachTheStreamAsTheyHappen() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String skill = "stream-" + suffix;
        String queue = "stream-q-" + suffix;
        body(api.post("/api/v1/skills", "{\"name\":\"" + skill + "\"}"), 201);
        body(
                api.post(
                        "/api/v1/queues",
                        "{\"name\":\"" + queue + "\",\"targetExpression\":\"skills HAS '" + skill + "'\"}"),
                201);
        String agentId = body(
                        api.post(
                                "/api/v1/agents",
                                "{\"login\":\"streamer" + suffix + "\",\"displayName\":\"Streamer\",\"skills\":{\""
                                        + skill + "\":5}}"),
                        201)
                .path("id")
                .asText();

        EventStreamReader stream = open(admin);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        EventStreamReader.Event first = stream.next("the first snapshot", e -> true, SOON);
        assertThat(first.name()).isEqualTo("statistics");
        assertThat(first.data().path("trigger").asText()).isEqualTo("open");
        assertThat(queueOf(first.data(), queue).path("waiting").asInt()).isZero();
        assertThat(agentOf(first.data(), agentId).path("state").asText()).isEqualTo("OFFLINE");
        assertThat(streams.count()).isEqualTo(1);

        String correlation = body(api.post("/api/v1/interactions", "{\"channel\":\"chat\"}"), 201)
                .path("correlationId")
                .asText();
        tasks.add(body(
                        api.post(
                                "/api/v1/tasks",
                                "{\"correlationId\":\"" + correlation + "\",\"channel\":\"chat\",\"queue\":\"" + queue
                                        + "\"}"),
                        201)
                .path("id")
                .asText());
        EventStreamReader.Event queued = stream.next(
                "a change snapshot with the task waiting",
                e -> e.data().path("trigger").asText().equals("change")
                        && queueOf(e.data(), queue).path("waiting").asInt() == 1,
                SOON);
        assertThat(Long.parseLong(queued.id())).isGreaterThan(Long.parseLong(first.id()));
        assertThat(queueOf(queued.data(), queue)
                        .path("agentsByState")
                        .path("OFFLINE")
                        .asInt())
                .isEqualTo(1);

        body(api.put("/api/v1/agents/" + agentId + "/state", "{\"state\":\"AVAILABLE\"}"), 200);
        EventStreamReader.Event available = stream.next(
                "a change snapshot with the agent available",
                e -> e.data().path("trigger").asText().equals("change")
                        && agentOf(e.data(), agentId).path("state").asText().equals("AVAILABLE"),
                SOON);
        assertThat(available.data().path("agentsByState").path("AVAILABLE").asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(queueOf(available.data(), queue)
                        .path("agentsByState")
                        .path("AVAILABLE")
                        .asInt())
                .isEqualTo(1);

        EventStreamReader.Event periodic = stream.next(
                "the periodic snapshot", e -> e.data().path("trigger").asText().equals("interval"), SOON);
        assertThat(queueOf(periodic.data(), queue).path("waiting").asInt()).isEqualTo(1);
        assertThat(queueOf(periodic.data(), queue).path("longestWaitSeconds").asLong())
                .isGreaterThanOrEqualTo(0);
        body(api.put("/api/v1/agents/" + agentId + "/state", "{\"state\":\"OFFLINE\"}"), 200);
    }

    @Test
    void onlyAnAdminMayOpenTheStream() throws Exception {
        EventStreamReader anonymous = open(null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problem().path("code").asText()).isEqualTo("auth.unauthenticated");
        EventStreamReader designer = open(users.designer());
        assertThat(designer.status()).isEqualTo(403);
        assertThat(designer.problem().path("code").asText()).isEqualTo("auth.forbidden");
        assertThat(streams.count()).isZero();
    }

    @Test
    void streamsBeyondTheCapAreRefusedAndADroppedClientFreesItsPlace() throws Exception {
        EventStreamReader one = open(admin);
        EventStreamReader two = open(admin);
        one.next("the first snapshot of the first stream", e -> true, SOON);
        two.next("the first snapshot of the second stream", e -> true, SOON);
        assertThat(streams.count()).isEqualTo(2);

        EventStreamReader three = open(admin);
        assertThat(three.status()).isEqualTo(503);
        JsonNode problem = three.problem();
        assertThat(problem.path("code").asText()).isEqualTo("statistics.too_many_streams");
        assertThat(problem.path("maxStreams").asInt()).isEqualTo(2);

        one.close();
        Awaitility.await("the dropped stream removed at the next send")
                .atMost(Duration.ofSeconds(10))
                .until(streams::count, count -> count == 1);
        EventStreamReader again = open(admin);
        assertThat(again.status()).isEqualTo(200);
        again.next("the first snapshot of the new stream", e -> true, SOON);
    }

    @Test
    void aStreamTheServerTimedOutIsEndedAndForgotten() throws Exception {
        EventStreamReader stream = open(admin);
        stream.next("the first snapshot", e -> true, SOON);
        Awaitility.await("the server ending the stream at its timeout")
                .atMost(Duration.ofSeconds(15))
                .until(stream::ended);
        assertThat(streams.count()).isZero();
    }

    @Test
    void theStreamIsInTheOpenApiDocumentAsAnEventStream() {
        JsonNode operation = new RestCalls(port)
                .get("/v3/api-docs")
                .getBody()
                .path("paths")
                .path("/api/v1/statistics/stream")
                .path("get");
        assertThat(operation.path("responses").path("200").path("content").has("text/event-stream"))
                .as(operation.toString())
                .isTrue();
        assertThat(operation.path("responses").has("503")).isTrue();
    }

    private EventStreamReader open(TestUsers.Credentials user) throws Exception {
        EventStreamReader reader = EventStreamReader.open(
                "http://localhost:" + port + "/api/v1/statistics/stream", user == null ? null : RestCalls.basic(user));
        readers.add(reader);
        return reader;
    }

    private static JsonNode queueOf(JsonNode snapshot, String name) {
        for (JsonNode queue : snapshot.path("queues")) {
            if (queue.path("queue").asText().equals(name)) {
                return queue;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode agentOf(JsonNode snapshot, String id) {
        for (JsonNode agent : snapshot.path("agents")) {
            if (agent.path("agentId").asText().equals(id)) {
                return agent;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode body(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(status);
        return response.getBody();
    }
}
