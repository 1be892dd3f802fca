package dev.liaison.routes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.gateway.camel.GatewayConstants;
import dev.liaison.palettes.security.UserService;
import dev.liaison.routes.call.DialPlan;
import dev.liaison.routes.support.ApiUsers;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sites, their allowed origins and destinations, and the dial plan through the REST API: filled from the configuration
 * on the first start of the database, then changed by admins only, checked like the configuration (and destinations
 * only from the dial plan, SIP targets only the gateway's allowed ones), audited, and used at once by the token
 * endpoint and the dial plan. A refused change leaves everything as it was.
 */
@LiaisonIntegrationTest
class SitesAndTheDialPlanAreEditedThroughTheApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    UserService userService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DialPlan dialPlan;

    @Autowired
    CamelContext camel;

    ApiUsers.Credentials admin;
    ApiUsers.Credentials metrics;
    String site;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.sites.seeded.allowed-origins", () -> "https://shop.example.com");
        registry.add("liaison.sites.seeded.destinations", () -> "support");
        registry.add("liaison.dial-plan.destinations.support", () -> "client:agent-7");
        registry.add("liaison.gateway.calls.allowed-sip-targets", () -> "sip:service@127\\.0\\.0\\.1:\\d+");
        registry.add("liaison.acd.destinations.help.queue", () -> "general");
    }

    @BeforeEach
    void users() {
        ApiUsers users = new ApiUsers(userService);
        admin = users.admin();
        metrics = users.metrics();
        site = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theConfiguredSitesAndDestinationsAreInTheDatabaseOnce() throws Exception {
        JsonNode sites = call(admin, "GET", "/api/v1/sites", null).body();
        JsonNode seeded = find(sites, "seeded");
        assertThat(seeded.path("allowedOrigins").get(0).asText()).isEqualTo("https://shop.example.com");
        assertThat(seeded.path("destinations").get(0).asText()).isEqualTo("support");
        assertThat(seeded.path("tokenTtlSeconds").asInt()).isEqualTo(300);
        assertThat(find(
                                call(admin, "GET", "/api/v1/dial-plan/destinations", null)
                                        .body(),
                                "support")
                        .path("target")
                        .asText())
                .isEqualTo("client:agent-7");
        assertThat(jdbc.queryForList("SELECT what FROM configuration_seed ORDER BY what", String.class))
                .containsExactly("dial-plan", "sites");
    }

    @Test
    void anAdminAddsASiteAndItsPagesGetTokensAtOnceUntilItIsDeleted() throws Exception {
        assertThat(token(site, "https://new.example.com").statusCode()).isEqualTo(404);

        Response created = call(
                admin,
                "PUT",
                "/api/v1/sites/" + site,
                "{\"allowedOrigins\":[\"https://new.example.com\"],\"destinations\":[\"support\"],\"tokenTtlSeconds\":120}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(token(site, "https://new.example.com").statusCode()).isEqualTo(200);
        assertThat(token(site, "https://other.example.com").statusCode()).isEqualTo(403);

        Response replaced = call(
                admin,
                "PUT",
                "/api/v1/sites/" + site,
                "{\"allowedOrigins\":[\"https://other.example.com\"],\"destinations\":[\"support\"]}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().path("tokenTtlSeconds").asInt()).isEqualTo(300);
        assertThat(token(site, "https://new.example.com").statusCode()).isEqualTo(403);
        assertThat(token(site, "https://other.example.com").statusCode()).isEqualTo(200);

        assertThat(call(admin, "DELETE", "/api/v1/sites/" + site, null).status())
                .isEqualTo(204);
        assertThat(token(site, "https://other.example.com").statusCode()).isEqualTo(404);
        assertThat(call(admin, "DELETE", "/api/v1/sites/" + site, null)
                        .body()
                        .path("code")
                        .asText())
                .isEqualTo("site.not_found");

        List<Map<String, Object>> audit = jdbc.queryForList(
                "SELECT actor, action, details::text AS details FROM audit_event WHERE subject = ? ORDER BY id",
                "site:" + site);
        assertThat(audit)
                .extracting(row -> row.get("action"))
                .containsExactly("site.created", "site.updated", "site.deleted");
        assertThat(audit).extracting(row -> row.get("actor")).containsOnly("admin:" + admin.username());
        assertThat((String) audit.get(0).get("details")).contains("https://new.example.com");
    }

    @Test
    void badSitesAreRefusedWithTheFieldAndNothingChanges() throws Exception {
        assertProblem(
                call(
                        admin,
                        "PUT",
                        "/api/v1/sites/" + site,
                        "{\"allowedOrigins\":[\"https://Shop.example.com/path\"],\"destinations\":[\"support\"]}"),
                400,
                "site.invalid",
                "allowedOrigins");
        assertProblem(
                call(
                        admin,
                        "PUT",
                        "/api/v1/sites/" + site,
                        "{\"allowedOrigins\":[\"ftp://files.example.com\"],\"destinations\":[\"support\"]}"),
                400,
                "site.invalid",
                "allowedOrigins");
        assertProblem(
                call(
                        admin,
                        "PUT",
                        "/api/v1/sites/Bad_Name",
                        "{\"allowedOrigins\":[\"https://a.example.com\"],\"destinations\":[\"support\"]}"),
                400,
                "site.invalid",
                "name");
        Response unknown = call(
                admin,
                "PUT",
                "/api/v1/sites/" + site,
                "{\"allowedOrigins\":[\"https://a.example.com\"],\"destinations\":[\"nowhere\"]}");
        assertProblem(unknown, 400, "site.unknown_destination", "destinations");
        assertThat(unknown.body().path("destination").asText()).isEqualTo("nowhere");
        assertProblem(
                call(admin, "PUT", "/api/v1/sites/" + site, "{\"allowedOrigins\":[],\"destinations\":[\"support\"]}"),
                400,
                "request.invalid",
                null);
        assertProblem(
                call(
                        admin,
                        "PUT",
                        "/api/v1/sites/" + site,
                        "{\"allowedOrigins\":[\"https://a.example.com\"],\"destinations\":[\"support\"],\"tokenTtlSeconds\":7200}"),
                400,
                "request.invalid",
                null);

        assertThat(call(admin, "GET", "/api/v1/sites/" + site, null).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE subject = ?", Integer.class, "site:" + site))
                .isZero();
    }

    @Test
    void theDialPlanIsChangedByAdminsAndTheNextCallUsesIt() throws Exception {
        String name = "sales-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(route(name)).isNull();
        assertThat(call(admin, "PUT", "/api/v1/dial-plan/destinations/" + name, "{\"target\":\"ws-sip:sales\"}")
                        .status())
                .isEqualTo(201);
        assertThat(route(name)).isEqualTo("ws-sip:sales");
        assertThat(call(
                                admin,
                                "PUT",
                                "/api/v1/dial-plan/destinations/" + name,
                                "{\"target\":\"sip:service@127.0.0.1:5070\"}")
                        .status())
                .isEqualTo(200);
        assertThat(route(name)).isEqualTo("sip:service@127.0.0.1:5070");

        assertProblem(
                call(
                        admin,
                        "PUT",
                        "/api/v1/dial-plan/destinations/" + name,
                        "{\"target\":\"sip:+15551234567@pstn.example.com\"}"),
                400,
                "dial_plan.target_forbidden",
                "target");
        assertProblem(
                call(admin, "PUT", "/api/v1/dial-plan/destinations/" + name, "{\"target\":\"tel:+1555\"}"),
                400,
                "dial_plan.invalid_target",
                "target");
        assertProblem(
                call(admin, "PUT", "/api/v1/dial-plan/destinations/bad%20name", "{\"target\":\"ws-sip:x\"}"),
                400,
                "dial_plan.invalid_name",
                "name");
        assertThat(route(name)).as("refused changes change nothing").isEqualTo("sip:service@127.0.0.1:5070");

        // A destination a site lists cannot go.
        assertThat(call(
                                admin,
                                "PUT",
                                "/api/v1/sites/" + site,
                                "{\"allowedOrigins\":[\"https://a.example.com\"],\"destinations\":[\"" + name + "\"]}")
                        .status())
                .isEqualTo(201);
        Response inUse = call(admin, "DELETE", "/api/v1/dial-plan/destinations/" + name, null);
        assertProblem(inUse, 409, "dial_plan.destination_in_use", null);
        assertThat(inUse.body().path("sites").get(0).asText()).isEqualTo(site);
        assertThat(call(admin, "DELETE", "/api/v1/sites/" + site, null).status())
                .isEqualTo(204);
        assertThat(call(admin, "DELETE", "/api/v1/dial-plan/destinations/" + name, null)
                        .status())
                .isEqualTo(204);
        assertThat(route(name)).isNull();

        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_event WHERE subject = ? ORDER BY id",
                        String.class,
                        "destination:" + name))
                .containsExactly(
                        "dial_plan.destination_created",
                        "dial_plan.destination_updated",
                        "dial_plan.destination_deleted");
    }

    @Test
    void anAcdDestinationMayBeASitesDestinationButNeverADialPlanName() throws Exception {
        Response created = call(
                admin,
                "PUT",
                "/api/v1/sites/" + site,
                "{\"allowedOrigins\":[\"https://a.example.com\"],\"destinations\":[\"help\",\"support\"]}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertProblem(
                call(admin, "PUT", "/api/v1/dial-plan/destinations/help", "{\"target\":\"ws-sip:help\"}"),
                409,
                "dial_plan.acd_destination",
                "name");
        assertThat(route("help")).isNull();
        assertThat(call(admin, "DELETE", "/api/v1/sites/" + site, null).status())
                .isEqualTo(204);
    }

    @Test
    void onlyAnAdminReadsOrChangesSitesAndTheDialPlan() throws Exception {
        String siteBody = "{\"allowedOrigins\":[\"https://a.example.com\"],\"destinations\":[\"support\"]}";
        for (String[] request : List.of(
                new String[] {"GET", "/api/v1/sites", null},
                new String[] {"GET", "/api/v1/sites/seeded", null},
                new String[] {"PUT", "/api/v1/sites/" + site, siteBody},
                new String[] {"DELETE", "/api/v1/sites/seeded", null},
                new String[] {"GET", "/api/v1/dial-plan/destinations", null},
                new String[] {"PUT", "/api/v1/dial-plan/destinations/x", "{\"target\":\"ws-sip:x\"}"},
                new String[] {"DELETE", "/api/v1/dial-plan/destinations/support", null})) {
            assertProblem(call(metrics, request[0], request[1], request[2]), 403, "auth.forbidden", null);
            assertProblem(call(null, request[0], request[1], request[2]), 401, "auth.unauthenticated", null);
        }
        assertThat(find(call(admin, "GET", "/api/v1/sites", null).body(), "seeded")
                        .isMissingNode())
                .isFalse();
        assertThat(call(admin, "GET", "/api/v1/sites/" + site, null).status()).isEqualTo(404);
    }

    private String route(String destination) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(GatewayConstants.DESTINATION, destination);
        dialPlan.route(exchange);
        return exchange.getMessage().getHeader(GatewayConstants.TARGET, String.class);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void assertProblem(Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().path("code").asText()).isEqualTo(code);
        if (field != null) {
            assertThat(response.body().path("field").asText()).isEqualTo(field);
        }
    }

    private HttpResponse<String> token(String siteName, String origin) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/sites/" + siteName + "/customer-tokens"))
                        .header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    record Response(int status, JsonNode body) {}

    private Response call(ApiUsers.Credentials user, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", user.basic());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
