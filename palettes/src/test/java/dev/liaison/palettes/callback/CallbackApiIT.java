package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.palettes.routing.TaskQueue;
import dev.liaison.palettes.security.UserService;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** The REST resource over real HTTP: bodies, states, and problem responses with their stable codes and fields. */
@CallbackIntegrationTest
class CallbackApiIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableTestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    CallbackFixture fixture;
    RestClient http;

    @BeforeEach
    void setUp() {
        fixture = new CallbackFixture(context);
        TestUsers.Credentials admin = new TestUsers(context.getBean(UserService.class)).admin();
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, RestCalls.basic(admin))
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void aCallbackIsRequestedReadListedAndCanceled() {
        TaskQueue queue = fixture.queue(0);
        UUID contact = fixture.contact();

        ResponseEntity<JsonNode> created = post(
                "/api/v1/callbacks",
                """
                {"correlationId": "%s", "queue": "%s", "when": "now", "target": "phone",
                 "phoneNumber": "+14155550100", "maxAttempts": 2, "retryDelaySeconds": 120}
                """
                        .formatted(contact, queue.getName()));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = created.getBody();
        assertThat(body.path("state").asText()).isEqualTo("QUEUED");
        assertThat(body.path("target").asText()).isEqualTo("phone");
        assertThat(body.path("phoneNumber").asText()).isEqualTo("+14155550100");
        assertThat(body.path("maxAttempts").asInt()).isEqualTo(2);
        assertThat(body.path("retryDelaySeconds").asInt()).isEqualTo(120);
        assertThat(body.path("attempts").asInt()).isEqualTo(1);
        assertThat(body.path("taskId").isTextual()).isTrue();
        String id = body.path("id").asText();

        assertThat(get("/api/v1/callbacks/" + id).getBody().path("state").asText())
                .isEqualTo("QUEUED");
        JsonNode listed = get("/api/v1/callbacks?correlationId=" + contact).getBody();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);

        ResponseEntity<JsonNode> notDialing = post("/api/v1/callbacks/" + id + "/attempts", "{\"outcome\": \"busy\"}");
        assertProblem(notDialing, 409, "callback.not_in_progress");
        assertProblem(
                post("/api/v1/callbacks/" + id + "/attempts", "{\"outcome\": \"voicemail\"}"),
                400,
                "callback.outcome_invalid");

        ResponseEntity<JsonNode> canceled = post("/api/v1/callbacks/" + id + "/cancel", "{\"by\": \"admin\"}");
        assertThat(canceled.getStatusCode().value()).isEqualTo(200);
        assertThat(canceled.getBody().path("state").asText()).isEqualTo("CANCELED");
        assertThat(canceled.getBody().path("endReason").asText()).isEqualTo("canceled by admin");
        assertProblem(post("/api/v1/callbacks/" + id + "/cancel", "{}"), 409, "callback.not_cancelable");
    }

    @Test
    void aScheduledCallbackShowsWhenItWillBeQueued() {
        TaskQueue queue = fixture.queue(0);
        String when = clock.instant().plus(Duration.ofDays(1)).toString();

        JsonNode body = post(
                        "/api/v1/callbacks",
                        "{\"correlationId\": \"%s\", \"queue\": \"%s\", \"when\": \"%s\"}"
                                .formatted(fixture.contact(), queue.getName(), when))
                .getBody();

        assertThat(body.path("state").asText()).isEqualTo("SCHEDULED");
        assertThat(body.path("scheduledFor").asText()).isEqualTo(when);
        assertThat(body.path("nextAttemptAt").asText()).isEqualTo(when);
        assertThat(body.path("target").asText()).isEqualTo("in-app");
        assertThat(body.path("maxAttempts").asInt()).isEqualTo(3);
        assertThat(body.path("retryDelaySeconds").asInt()).isEqualTo(300);
        post("/api/v1/callbacks/" + body.path("id").asText() + "/cancel", "{}");
    }

    @Test
    void aTimeInThePastIsAProblemNamingTheWhenField() {
        ResponseEntity<JsonNode> response = post(
                "/api/v1/callbacks",
                "{\"correlationId\": \"%s\", \"queue\": \"%s\", \"when\": \"%s\"}"
                        .formatted(
                                fixture.contact(),
                                fixture.queue(0).getName(),
                                clock.instant().minusSeconds(60)));

        assertProblem(response, 400, "callback.time_in_past");
        assertThat(response.getBody().path("field").asText()).isEqualTo("when");
        assertThat(response.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("when");
    }

    @Test
    void aPhoneNumberThatIsNotE164IsAProblem() {
        ResponseEntity<JsonNode> response = post(
                "/api/v1/callbacks",
                "{\"correlationId\": \"%s\", \"queue\": \"%s\", \"target\": \"phone\", \"phoneNumber\": \"0301234567\"}"
                        .formatted(fixture.contact(), fixture.queue(0).getName()));

        assertProblem(response, 400, "callback.phone_invalid");
        assertThat(response.getBody().path("field").asText()).isEqualTo("phoneNumber");
    }

    @Test
    void anUnknownCorrelationIdIsAProblem() {
        ResponseEntity<JsonNode> response = post(
                "/api/v1/callbacks",
                "{\"correlationId\": \"%s\", \"queue\": \"%s\"}"
                        .formatted(UUID.randomUUID(), fixture.queue(0).getName()));

        assertProblem(response, 400, "callback.correlation_unknown");
        assertThat(response.getBody().path("field").asText()).isEqualTo("correlationId");
    }

    @Test
    void anUnknownCallbackIsNotFound() {
        assertProblem(get("/api/v1/callbacks/" + UUID.randomUUID()), 404, "callback.not_found");
        assertProblem(post("/api/v1/callbacks/" + UUID.randomUUID() + "/cancel", "{}"), 404, "callback.not_found");
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().path("code").asText()).isEqualTo(code);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    @AfterEach
    void nothingLeaked() {
        CallbackLeakChecks.assertNothingLeaked(jdbc);
    }
}
