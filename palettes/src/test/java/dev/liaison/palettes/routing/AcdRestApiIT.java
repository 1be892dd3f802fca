package dev.liaison.palettes.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.palettes.security.UserService;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The ACD's REST API over real HTTP: an admin sets up, the agent's own user takes the contact, and bad input is answered
 * with problem responses.
 */
@PalettesIntegrationTest
@TestPropertySource(properties = "liaison.acd.loop-enabled=false")
class AcdRestApiIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    UserService userService;

    TestUsers users;
    RestCalls api;

    @BeforeEach
    void client() {
        users = new TestUsers(userService);
        api = new RestCalls(port, users.admin());
    }

    @Test
    void anAdminSetsUpAQueueAndAContactIsRoutedAcceptedAndEndedThroughTheApi() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/skills", "{\"name\":\"spanish-" + suffix + "\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        JsonNode queue = body(
                api.post(
                        "/api/v1/queues",
                        "{\"name\":\"es-" + suffix + "\",\"targetExpression\":\"skills HAS 'spanish-" + suffix
                                + "'\",\"wrapUpSeconds\":0}"),
                201);
        JsonNode agent = body(
                api.post(
                        "/api/v1/agents",
                        "{\"login\":\"lucia" + suffix + "\",\"displayName\":\"Lucía\",\"skills\":{\"spanish-" + suffix
                                + "\":8},\"capacity\":{\"chat\":2}}"),
                201);
        assertThat(agent.path("state").asText()).isEqualTo("OFFLINE");
        assertThat(agent.path("capacity").path("voice").asInt())
                .as("default capacity")
                .isEqualTo(1);
        String agentId = agent.path("id").asText();
        RestCalls lucia = new RestCalls(port, users.agent(UUID.fromString(agentId)));
        assertThat(body(lucia.put("/api/v1/agents/" + agentId + "/state", "{\"state\":\"AVAILABLE\"}"), 200)
                        .path("state")
                        .asText())
                .isEqualTo("AVAILABLE");

        String correlation = body(api.post("/api/v1/interactions", "{\"channel\":\"chat\"}"), 201)
                .path("correlationId")
                .asText();
        JsonNode task = body(
                api.post(
                        "/api/v1/tasks",
                        "{\"correlationId\":\"" + correlation + "\",\"channel\":\"chat\",\"queue\":\""
                                + queue.path("name").asText() + "\"}"),
                201);
        assertThat(body(api.get("/api/v1/queues/" + queue.path("name").asText() + "/tasks"), 200))
                .hasSize(1);
        assertThat(body(api.post("/api/v1/expressions/check", "{\"expression\":\"true\"}"), 200)
                        .path("canonical")
                        .asText())
                .isNotBlank();
        routeByHand();

        JsonNode offer =
                body(lucia.get("/api/v1/agents/" + agentId + "/offer"), 200).get(0);
        assertThat(offer.path("explanation").path("queue").asText())
                .isEqualTo(queue.path("name").asText());
        JsonNode accepted = body(
                lucia.post(
                        "/api/v1/agents/" + agentId + "/reservations/"
                                + offer.path("id").asText() + "/accept",
                        "{}"),
                200);
        assertThat(accepted.path("status").asText()).isEqualTo("ASSIGNED");
        JsonNode held = body(lucia.get("/api/v1/agents/" + agentId + "/tasks"), 200);
        assertThat(held)
                .as("the agent's held tasks, what a reloaded desktop shows")
                .hasSize(1);
        assertThat(held.get(0).path("id").asText()).isEqualTo(task.path("id").asText());
        assertThat(body(lucia.post("/api/v1/tasks/" + task.path("id").asText() + "/end", "{}"), 200)
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");
        assertThat(body(lucia.get("/api/v1/agents/" + agentId + "/tasks"), 200))
                .as("a completed task is no longer held")
                .isEmpty();
        JsonNode statistics =
                body(api.get("/api/v1/queues/" + queue.path("name").asText() + "/statistics"), 200);
        assertThat(statistics.path("answered").asInt()).isEqualTo(1);
        assertThat(statistics.path("waiting").asInt()).isZero();
        assertThat(statistics.path("agentsByState").path("AVAILABLE").asInt()).isEqualTo(1);
        assertThat(body(api.get("/api/v1/tasks/" + task.path("id").asText() + "/reservations"), 200))
                .hasSize(1);
    }

    @Test
    void aQueueWithABadExpressionIsRefusedWithTheColumn() {
        JsonNode problem = body(
                api.post(
                        "/api/v1/queues",
                        "{\"name\":\"bad-" + UUID.randomUUID().toString().substring(0, 8)
                                + "\",\"targetExpression\":\"skills HAS (\"}"),
                400);
        assertThat(problem.path("code").asText()).isEqualTo("expression.invalid");
        assertThat(problem.path("column").asInt()).isEqualTo(12);
    }

    @Test
    void invalidBodiesNameTheField() {
        JsonNode problem = body(api.post("/api/v1/agents", "{\"login\":\"\",\"displayName\":\"X\"}"), 400);
        assertThat(problem.path("code").asText()).isEqualTo("request.invalid");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("login");

        JsonNode capacity = body(
                api.post(
                        "/api/v1/agents",
                        "{\"login\":\"x" + UUID.randomUUID().toString().substring(0, 8)
                                + "\",\"displayName\":\"X\",\"capacity\":{\"chat\":99}}"),
                400);
        assertThat(capacity.path("errors").get(0).path("field").asText()).startsWith("capacity");
    }

    @Test
    void unknownThingsAre404WithTheirCode() {
        assertThat(body(api.get("/api/v1/queues/nope"), 404).path("code").asText())
                .isEqualTo("queue.not_found");
        assertThat(body(api.get("/api/v1/tasks/" + UUID.randomUUID()), 404)
                        .path("code")
                        .asText())
                .isEqualTo("task.not_found");
        assertThat(body(api.get("/api/v1/tasks/not-a-uuid"), 400).path("code").asText())
                .isEqualTo("request.invalid");
    }

    @Test
    void anAgentCannotSetABusyStateByHand() {
        JsonNode agent = body(
                api.post(
                        "/api/v1/agents",
                        "{\"login\":\"y" + UUID.randomUUID().toString().substring(0, 8) + "\",\"displayName\":\"Y\"}"),
                201);
        JsonNode problem =
                body(api.put("/api/v1/agents/" + agent.path("id").asText() + "/state", "{\"state\":\"BUSY\"}"), 400);
        assertThat(problem.path("code").asText()).isEqualTo("agent.state_not_settable");
        JsonNode reason = body(
                api.put("/api/v1/agents/" + agent.path("id").asText() + "/state", "{\"state\":\"NOT_READY\"}"), 400);
        assertThat(reason.path("errors").get(0).path("field").asText()).isEqualTo("reason");
    }

    @org.springframework.beans.factory.annotation.Autowired
    RoutingLoop routing;

    private void routeByHand() {
        routing.routeUntilIdle();
    }

    private static JsonNode body(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(status);
        return response.getBody();
    }
}
