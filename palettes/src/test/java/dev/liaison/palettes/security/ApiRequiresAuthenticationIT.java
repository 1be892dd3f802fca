package dev.liaison.palettes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.liaison.palettes.support.HttpSessions;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST call needs a signed-in user, and the user's roles decide what it may do: anonymous and wrong credentials
 * get 401 problems, a role that does not allow the call a 403 problem, an agent acts only as its own agent.
 */
@PalettesIntegrationTest
@TestPropertySource(properties = "liaison.acd.loop-enabled=false")
class ApiRequiresAuthenticationIT {

    @LocalServerPort
    int port;

    @Autowired
    UserService userService;

    @Autowired
    ServletWebServerApplicationContext web;

    @Autowired
    HikariDataSource pool;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    TestUsers users;
    RestCalls admin;
    HttpSessions sessions;
    int sessionsBefore;

    @BeforeEach
    void setUp() {
        sessions = new HttpSessions(web);
        sessionsBefore = sessions.active();
        users = new TestUsers(userService);
        admin = new RestCalls(port, users.admin());
    }

    @Test
    void anAnonymousCallGetsA401ProblemWithABasicChallenge() {
        ResponseEntity<JsonNode> response = new RestCalls(port).get("/api/v1/queues");

        assertProblem(response, 401, "auth.unauthenticated");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic realm=\"Liaison\"");
        assertThat(response.getBody().path("instance").asText()).isEqualTo("/api/v1/queues");
        assertThat(response.getHeaders().get("Set-Cookie"))
                .as("an API call opens no session")
                .isNull();
    }

    @Test
    void anAnonymousWriteIsA401NotACsrfRefusal() {
        assertProblem(new RestCalls(port).post("/api/v1/skills", "{\"name\":\"x\"}"), 401, "auth.unauthenticated");
    }

    @Test
    void aWrongPasswordAnUnknownUserAndADisabledUserAreAll401() {
        TestUsers.Credentials designer = users.designer();
        assertProblem(
                new RestCalls(port, new TestUsers.Credentials(designer.username(), designer.password() + "x"))
                        .get("/api/v1/queues"),
                401,
                "auth.unauthenticated");
        assertProblem(
                new RestCalls(port, new TestUsers.Credentials("nobody-" + UUID.randomUUID(), "whatever-it-is"))
                        .get("/api/v1/queues"),
                401,
                "auth.unauthenticated");

        assertThat(new RestCalls(port, designer)
                        .get("/api/v1/queues")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/users/" + designer.username() + "/disable", "{}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertProblem(new RestCalls(port, designer).get("/api/v1/queues"), 401, "auth.unauthenticated");
    }

    @Test
    void anAgentMayNotChangeTheConfiguration() {
        RestCalls agent = new RestCalls(port, users.agent(createAgent()));

        assertProblem(agent.post("/api/v1/skills", "{\"name\":\"" + name("s") + "\"}"), 403, "auth.forbidden");
        assertProblem(
                agent.post("/api/v1/queues", "{\"name\":\"" + name("q") + "\",\"targetExpression\":\"true\"}"),
                403,
                "auth.forbidden");
        assertProblem(
                agent.post("/api/v1/agents", "{\"login\":\"" + name("a") + "\",\"displayName\":\"A\"}"),
                403,
                "auth.forbidden");
        assertProblem(agent.get("/api/v1/users"), 403, "auth.forbidden");
        assertThat(agent.get("/api/v1/queues").getStatusCode().value())
                .as("reads")
                .isEqualTo(200);
    }

    @Test
    void anAgentActsAsItsOwnAgentOnlyAndAnAdminForAnyone() {
        UUID own = createAgent();
        UUID other = createAgent();
        RestCalls agent = new RestCalls(port, users.agent(own));

        assertThat(agent.put("/api/v1/agents/" + own + "/state", "{\"state\":\"AVAILABLE\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertProblem(
                agent.put("/api/v1/agents/" + other + "/state", "{\"state\":\"AVAILABLE\"}"), 403, "auth.forbidden");
        assertProblem(agent.get("/api/v1/agents/" + other + "/offer"), 403, "auth.forbidden");
        assertProblem(agent.post("/api/v1/agents/" + other + "/heartbeat", "{}"), 403, "auth.forbidden");
        assertProblem(
                agent.post("/api/v1/agents/" + other + "/reservations/" + UUID.randomUUID() + "/accept", "{}"),
                403,
                "auth.forbidden");
        assertProblem(agent.post("/api/v1/tasks/" + UUID.randomUUID() + "/end", "{}"), 403, "auth.forbidden");

        RestCalls unlinked = new RestCalls(port, users.agent(null));
        assertProblem(
                unlinked.put("/api/v1/agents/" + own + "/state", "{\"state\":\"OFFLINE\"}"), 403, "auth.forbidden");

        assertThat(admin.put("/api/v1/agents/" + other + "/state", "{\"state\":\"AVAILABLE\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(admin.put("/api/v1/agents/" + own + "/state", "{\"state\":\"OFFLINE\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        admin.put("/api/v1/agents/" + other + "/state", "{\"state\":\"OFFLINE\"}");
    }

    @Test
    void aDesignerChecksExpressionsAndReadsButWritesNothing() {
        RestCalls designer = new RestCalls(port, users.designer());

        ResponseEntity<JsonNode> checked = designer.post(
                "/api/v1/expressions/check", "{\"expression\":\"skills HAS 'es'\",\"agent\":{\"skills\":{\"es\":5}}}");
        assertThat(checked.getStatusCode().value()).isEqualTo(200);
        assertThat(checked.getBody().path("canonical").asText())
                .as(checked.getBody().toString())
                .isNotBlank();
        for (String read : List.of("/api/v1/queues", "/api/v1/skills", "/api/v1/agents", "/api/v1/workflows")) {
            assertThat(designer.get(read).getStatusCode().value()).as(read).isEqualTo(200);
        }
        assertProblem(designer.post("/api/v1/skills", "{\"name\":\"" + name("d") + "\"}"), 403, "auth.forbidden");
        assertProblem(
                designer.patch(
                        "/api/v1/interactions/" + UUID.randomUUID() + "/context",
                        "{\"source\":\"agent\",\"actor\":\"agent:d\",\"entries\":[{\"category\":\"custom\","
                                + "\"key\":\"k\",\"value\":\"v\"}]}"),
                403,
                "auth.forbidden");
        assertProblem(designer.post("/api/v1/interactions", "{\"channel\":\"chat\"}"), 403, "auth.forbidden");
    }

    @Test
    void aMetricsAccountReadsNoApi() {
        assertProblem(new RestCalls(port, users.metrics()).get("/api/v1/queues"), 403, "auth.forbidden");
    }

    @Test
    void anAdminManagesUsersAndTheRulesOnPasswordsAndAgentLinksHold() {
        UUID agentId = createAgent();
        String name = name("ana");
        String password = TestUsers.randomPassword();

        assertProblem(
                admin.post("/api/v1/users", userJson(name, "Changeme12345", "[\"AGENT\"]", null)),
                400,
                "user.password_rejected");
        assertProblem(
                admin.post("/api/v1/users", userJson(name, "short", "[\"AGENT\"]", null)),
                400,
                "user.password_rejected");
        assertProblem(
                admin.post("/api/v1/users", userJson(name, password, "[\"DESIGNER\"]", agentId)),
                400,
                "request.invalid");
        assertProblem(admin.post("/api/v1/users", userJson(name, password, "[]", null)), 400, "request.invalid");
        assertProblem(
                admin.post("/api/v1/users", userJson(name, password, "[\"AGENT\"]", UUID.randomUUID())),
                404,
                "agent.not_found");

        ResponseEntity<JsonNode> created =
                admin.post("/api/v1/users", userJson(name, password, "[\"AGENT\"]", agentId));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().path("agentId").asText()).isEqualTo(agentId.toString());
        assertThat(created.getBody().has("password")).isFalse();
        assertThat(created.getBody().has("passwordHash")).isFalse();
        assertProblem(admin.post("/api/v1/users", userJson(name, password, "[\"AGENT\"]", null)), 409, "user.exists");
        assertProblem(
                admin.post("/api/v1/users", userJson(name("ben"), password, "[\"AGENT\"]", agentId)),
                409,
                "user.agent_already_linked");

        RestCalls ana = new RestCalls(port, new TestUsers.Credentials(name, password));
        JsonNode me = ana.get("/api/v1/users/me").getBody();
        assertThat(me.path("username").asText()).isEqualTo(name);
        assertThat(me.path("roles").get(0).asText()).isEqualTo("AGENT");
        assertThat(me.path("agentId").asText()).isEqualTo(agentId.toString());

        String newPassword = TestUsers.randomPassword();
        assertThat(admin.put("/api/v1/users/" + name + "/password", "{\"password\":\"" + newPassword + "\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertProblem(ana.get("/api/v1/users/me"), 401, "auth.unauthenticated");
        RestCalls renewed = new RestCalls(port, new TestUsers.Credentials(name, newPassword));
        assertThat(renewed.get("/api/v1/users/me").getStatusCode().value()).isEqualTo(200);

        assertThat(admin.put("/api/v1/users/" + name + "/roles", "{\"roles\":[\"ADMIN\",\"DESIGNER\"]}")
                        .getBody()
                        .path("agentId")
                        .isNull())
                .isTrue();
        assertThat(renewed.post("/api/v1/skills", "{\"name\":\"" + name("n") + "\"}")
                        .getStatusCode()
                        .value())
                .as("an ADMIN now")
                .isEqualTo(201);
        assertProblem(admin.get("/api/v1/users/nobody-" + UUID.randomUUID()), 404, "user.not_found");
    }

    @Test
    void everyApiHandlerNamesTheRolesThatMayCallIt() {
        List<String> unguarded = handlers.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/")))
                .map(entry -> entry.getValue())
                .filter(handler -> !guarded(handler))
                .map(HandlerMethod::toString)
                .toList();

        assertThat(handlers.getHandlerMethods()).isNotEmpty();
        assertThat(unguarded).as("handlers without @PreAuthorize").isEmpty();
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(sessions.active()).as("Basic calls open no HTTP session").isEqualTo(sessionsBefore);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);
    }

    private static boolean guarded(HandlerMethod handler) {
        Method method = handler.getMethod();
        return AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
    }

    private UUID createAgent() {
        ResponseEntity<JsonNode> agent =
                admin.post("/api/v1/agents", "{\"login\":\"" + name("agent") + "\",\"displayName\":\"Agent\"}");
        assertThat(agent.getStatusCode().value())
                .as(String.valueOf(agent.getBody()))
                .isEqualTo(201);
        return UUID.fromString(agent.getBody().path("id").asText());
    }

    private static String userJson(String name, String password, String roles, UUID agentId) {
        return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":" + roles
                + (agentId == null ? "" : ",\"agentId\":\"" + agentId + "\"") + "}";
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void assertProblem(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(status);
        assertThat(response.getBody().path("code").asText()).isEqualTo(code);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status);
        assertThat(response.getBody().path("title").asText()).isNotBlank();
    }
}
