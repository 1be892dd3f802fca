package dev.liaison.routes.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.liaison.palettes.security.UserService;
import dev.liaison.routes.support.ApiUsers;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on an external PostgreSQL: health, migrations, metrics, OpenAPI and the landing page, and who
 * may read them.
 */
@LiaisonIntegrationTest
class ApplicationBootsOnPostgresIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    HikariDataSource pool;

    @Autowired
    UserService userService;

    ApiUsers.Credentials admin;

    @BeforeEach
    void signIn() {
        admin = new ApiUsers(userService).admin();
    }

    @Test
    void healthIsUpWithTheDatabaseComponent() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void flywayAppliedTheMigrationsFromDbMigrations() {
        List<Map<String, Object>> applied = jdbc.queryForList(
                "SELECT version, description, success FROM flyway_schema_history WHERE version IS NOT NULL"
                        + " ORDER BY installed_rank");

        assertThat(applied).isNotEmpty();
        assertThat(applied.get(0))
                .containsEntry("version", "1")
                .containsEntry("description", "audit log")
                .containsEntry("success", true);
        assertThat(jdbc.queryForObject("SELECT to_regclass('audit_event') IS NOT NULL", Boolean.class))
                .isTrue();
    }

    @Test
    void systemInfoReportsExternalDatabaseAndStartedCamel() throws Exception {
        JsonNode info = json.readTree(get("/api/v1/system", admin).body());

        assertThat(info.path("database").path("mode").asText()).isEqualTo("external");
        assertThat(info.path("database").path("schemaVersion").asText())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1",
                        String.class));
        assertThat(info.path("camel").path("status").asText()).isEqualTo("Started");
        assertThat(info.path("camel").path("routes").asInt())
                .isEqualTo(camel.getRoutes().size());
    }

    @Test
    void everyRouteHasAnIdAndSharesTheOneErrorPolicy() {
        assertThat(camel.getRoutes()).isNotEmpty().allSatisfy(route -> {
            assertThat(route.getRouteId()).doesNotStartWith("route");
            assertThat(route.getConfigurationId()).contains("liaison-error-policy");
        });
    }

    @Test
    void nodeStartIsWrittenToTheAuditLog() {
        Integer started =
                jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'node.started'", Integer.class);

        assertThat(started).isEqualTo(1);
    }

    @Test
    void prometheusScrapeHasJvmDatabasePoolAndCamelMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", new ApiUsers(userService).metrics());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_active")
                .contains("camel_");
        assertThat(get("/actuator/prometheus", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusAndTheApiNeedCredentialsButHealthDoesNot() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(401);
        assertThat(json.readTree(scrape.body()).path("code").asText()).isEqualTo("auth.unauthenticated");
        assertThat(get("/api/v1/system").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", new ApiUsers(userService).metrics())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> metricsOnApi = get("/api/v1/system", new ApiUsers(userService).metrics());
        assertThat(metricsOnApi.statusCode()).as("METRICS reads metrics only").isEqualTo(403);
    }

    @Test
    void outsideTheDevelopmentProfileNoUserIsCreatedWithoutABootstrapPassword() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_account WHERE username = 'admin'", Integer.class))
                .isZero();
    }

    @Test
    void openApiDocumentDescribesTheRestApi() throws Exception {
        JsonNode api = json.readTree(get("/v3/api-docs").body());

        assertThat(api.path("info").path("title").asText()).isEqualTo("Liaison API");
        assertThat(api.path("paths").has("/api/v1/system")).isTrue();
    }

    @Test
    void landingPageLinksToWhatExists() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        for (String link :
                List.of("/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/api/v1/system", "/login")) {
            assertThat(page.body()).contains("href=\"" + link + "\"");
            assertThat(get(link, admin).statusCode()).as(link).isEqualTo(200);
        }
    }

    @AfterEach
    void noConnectionLeftBorrowed() {
        // the routing loop borrows a connection on every tick; between ticks none may stay out
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, ApiUsers.Credentials user) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", user.basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
