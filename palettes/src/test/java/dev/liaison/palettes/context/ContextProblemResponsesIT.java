package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.palettes.security.UserService;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@PalettesIntegrationTest
class ContextProblemResponsesIT {

    @Autowired
    UserService userService;

    private TestUsers.Credentials caller;

    /** Calls go as an ADMIN user, created once per test instance. */
    private TestUsers.Credentials caller() {
        if (caller == null) {
            caller = new TestUsers(userService).admin();
        }
        return caller;
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private RestCalls rest;

    @BeforeEach
    void client() {
        rest = new RestCalls(port, caller());
    }

    @Test
    void newInteractionIs201WithLocationAndResumeIs200() {
        ResponseEntity<JsonNode> created = rest.post("/api/v1/interactions", "{\"channel\":\"chat\"}");
        String id = created.getBody().get("correlationId").asText();

        ResponseEntity<JsonNode> resumed =
                rest.post("/api/v1/interactions", "{\"channel\":\"voice\",\"correlationId\":\"" + id + "\"}");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/interactions/" + id);
        assertThat(created.getBody().get("outcome").asText()).isEqualTo("created");
        assertThat(created.getBody().get("reason").asText()).isEqualTo("new_contact");
        assertThat(resumed.getStatusCode().value()).isEqualTo(200);
        assertThat(resumed.getBody().get("outcome").asText()).isEqualTo("resumed");
        assertThat(resumed.getBody().get("reason").asText()).isEqualTo("correlation_id");
        assertThat(resumed.getBody().get("lastChannel").asText()).isEqualTo("voice");
    }

    @Test
    void unknownCorrelationIdIsNotAdoptedOverRest() {
        UUID chosen = UUID.randomUUID();

        ResponseEntity<JsonNode> response =
                rest.post("/api/v1/interactions", "{\"channel\":\"chat\",\"correlationId\":\"" + chosen + "\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("reason").asText()).isEqualTo("unknown_correlation_id");
        assertThat(response.getBody().get("correlationId").asText()).isNotEqualTo(chosen.toString());
        assertThat(rest.get("/api/v1/interactions/" + chosen).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void interactionComesWithItsMergedContext() {
        String id = rest.post(
                        "/api/v1/interactions", "{\"channel\":\"chat\",\"identityKey\":\"phone:+1 415 555 0100\"}")
                .getBody()
                .get("correlationId")
                .asText();
        rest.patch(
                "/api/v1/interactions/" + id + "/context",
                "{\"source\":\"sdk\",\"actor\":\"customer\",\"entries\":[{\"category\":\"location\",\"key\":\"city\","
                        + "\"value\":\"Lyon\"}]}");

        JsonNode interaction = rest.get("/api/v1/interactions/" + id).getBody();

        assertThat(interaction.get("identityKey").asText()).isEqualTo("phone:+14155550100");
        assertThat(interaction.get("firstChannel").asText()).isEqualTo("chat");
        assertThat(interaction.at("/context/context/location/city").asText()).isEqualTo("Lyon");
        assertThat(interaction.at("/context/limitBytes").asInt()).isEqualTo(32_768);
        assertThat(interaction.at("/context/entries/0/source").asText()).isEqualTo("sdk");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/interactions/%s",
        "GET, /api/v1/interactions/%s/context",
        "PATCH, /api/v1/interactions/%s/context",
        "GET, /api/v1/interactions/%s/timeline"
    })
    void unknownInteractionIs404WithItsCode(String method, String path) {
        UUID unknown = UUID.randomUUID();
        String uri = path.formatted(unknown);
        ResponseEntity<JsonNode> response = method.equals("GET")
                ? rest.get(uri)
                : rest.patch(
                        uri,
                        "{\"source\":\"agent\",\"actor\":\"agent:a\",\"entries\":[{\"category\":\"custom\","
                                + "\"key\":\"k\",\"value\":1}]}");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("code").asText()).isEqualTo("interaction.not_found");
        assertThat(response.getBody().get("correlationId").asText()).isEqualTo(unknown.toString());
        assertThat(jdbc.queryForObject(
                        "select count(*) from interaction where correlation_id = ?", Long.class, unknown))
                .isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                              | request.invalid              | channel",
                "{\"channel\":\"fax\"}                           | request.invalid              | channel",
                "{\"channel\":\"chat\",\"identityKey\":\"bob\"}  | interaction.identity_invalid | identityKey",
                "{\"channel\":\"chat\",\"identityKey\":\"phone:x\"} | interaction.identity_invalid | identityKey"
            })
    void malformedResolveIs400NamingTheField(String body, String code, String field) {
        ResponseEntity<JsonNode> response = rest.post("/api/v1/interactions", body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"actor\":\"a\",\"entries\":[{\"category\":\"custom\",\"key\":\"k\",\"value\":1}]}" + " | source",
                "{\"source\":\"robot\",\"actor\":\"a\",\"entries\":[{\"category\":\"custom\",\"key\":\"k\",\"value\":1}]}"
                        + " | source",
                "{\"source\":\"sdk\",\"actor\":\"\",\"entries\":[{\"category\":\"custom\",\"key\":\"k\",\"value\":1}]}"
                        + " | actor",
                "{\"source\":\"sdk\",\"actor\":\"a\",\"entries\":[]} | entries",
                "{\"source\":\"sdk\",\"actor\":\"a\",\"entries\":[{\"category\":\"secrets\",\"key\":\"k\",\"value\":1}]}"
                        + " | entries[0].category",
                "{\"source\":\"sdk\",\"actor\":\"a\",\"entries\":[{\"category\":\"custom\",\"key\":\"k\"}]}"
                        + " | entries[0].value",
                "{\"source\":\"sdk\",\"actor\":\"a\",\"entries\":[{\"category\":\"custom\",\"value\":1}]}"
                        + " | entries[0].key"
            })
    void malformedContextWriteIs400NamingTheField(String body, String field) {
        String id = newInteraction();

        ResponseEntity<JsonNode> response = rest.patch("/api/v1/interactions/" + id + "/context", body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo("request.invalid");
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(jdbc.queryForObject(
                        "select count(*) from context_entry where correlation_id = ?::uuid", Long.class, id))
                .isZero();
    }

    @Test
    void repeatedKeyInOneWriteIs400() {
        String id = newInteraction();

        ResponseEntity<JsonNode> response = rest.patch(
                "/api/v1/interactions/" + id + "/context",
                "{\"source\":\"sdk\",\"actor\":\"a\",\"entries\":[{\"category\":\"custom\",\"key\":\"k\",\"value\":1},"
                        + "{\"category\":\"custom\",\"key\":\"k\",\"value\":2}]}");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo("context.duplicate_entry");
        assertThat(response.getBody().get("field").asText()).isEqualTo("entries[1].key");
    }

    @ParameterizedTest
    @CsvSource({"limit=0, limit", "limit=1001, limit", "afterId=-1, afterId", "limit=ten, limit"})
    void timelinePagingOutOfRangeIs400NamingTheParameter(String query, String field) {
        String id = newInteraction();

        ResponseEntity<JsonNode> response = rest.get("/api/v1/interactions/" + id + "/timeline?" + query);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo("request.invalid");
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
    }

    @Test
    void malformedCorrelationIdInThePathIs400() {
        ResponseEntity<JsonNode> response = rest.get("/api/v1/interactions/not-a-uuid/context");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("correlationId");
    }

    @Test
    void openApiDocumentListsTheContextEndpoints() {
        JsonNode paths = rest.get("/v3/api-docs").getBody().get("paths");

        assertThat(paths.has("/api/v1/interactions")).isTrue();
        assertThat(paths.has("/api/v1/interactions/{correlationId}/context")).isTrue();
        assertThat(paths.at("/~1api~1v1~1interactions~1{correlationId}~1context/patch")
                        .isMissingNode())
                .isFalse();
        assertThat(paths.has("/api/v1/interactions/{correlationId}/timeline")).isTrue();
    }

    private String newInteraction() {
        return rest.post("/api/v1/interactions", "{\"channel\":\"chat\"}")
                .getBody()
                .get("correlationId")
                .asText();
    }
}
