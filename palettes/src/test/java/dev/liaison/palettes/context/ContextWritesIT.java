package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.liaison.palettes.security.UserService;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@PalettesIntegrationTest
class ContextWritesIT {

    @Autowired
    UserService userService;

    private TestUsers.Credentials caller;

    /** Calls go as an AGENT user, created once per test instance. */
    private TestUsers.Credentials caller() {
        if (caller == null) {
            caller = new TestUsers(userService).agent(null);
        }
        return caller;
    }

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    CorrelationService correlations;

    @Autowired
    ContextService contexts;

    @Autowired
    TimelineService timeline;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void latestValueWinsPerCategoryAndKey() {
        UUID id = newInteraction();
        contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.SDK,
                        "customer",
                        ContextEntryWrite.of(ContextCategory.CUSTOM, "plan", TextNode.valueOf("basic")),
                        ContextEntryWrite.of(ContextCategory.ROUTING, "plan", TextNode.valueOf("gold"))));
        ContextView view = contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.IVR,
                        "ivr:billing",
                        ContextEntryWrite.of(ContextCategory.CUSTOM, "plan", TextNode.valueOf("premium"))));

        assertThat(view.context().toString())
                .isEqualTo("{\"custom\":{\"plan\":\"premium\"},\"routing\":{\"plan\":\"gold\"}}");
        assertThat(contexts.read(id).context()).isEqualTo(view.context());
        assertThat(view.sizeBytes()).isEqualTo(view.context().toString().length());
        assertThat(storedContextBytes(id)).isEqualTo(view.sizeBytes());
        assertThat(jdbc.queryForObject(
                        "select count(*) from context_entry where correlation_id = ? and category = 'custom'",
                        Long.class,
                        id))
                .isEqualTo(1);
    }

    @Test
    void pageHistoryAppendsInOrderAndKeepsTheLastFifty() {
        UUID id = newInteraction();
        for (int batch = 0; batch < 11; batch++) {
            List<ContextEntryWrite> pages = new ArrayList<>();
            for (int page = 1; page <= 5; page++) {
                pages.add(ContextEntryWrite.of(
                        ContextCategory.PAGES, "view", TextNode.valueOf("/page/" + (batch * 5 + page))));
            }
            contexts.write(id, new ContextWrite(ContextSource.SDK, "customer", pages));
        }

        JsonNode pages = contexts.read(id).context().get("pages");

        assertThat(pages).hasSize(50);
        assertThat(pages.get(0).asText()).isEqualTo("/page/6");
        assertThat(pages.get(49).asText()).isEqualTo("/page/55");
        assertThat(jdbc.queryForObject(
                        "select count(*) from context_entry where correlation_id = ? and category = 'pages'",
                        Long.class,
                        id))
                .as("trimmed page views are deleted, not just hidden")
                .isEqualTo(50);
    }

    @Test
    void oneWriteWithMorePagesThanTheCapKeepsItsNewestOnes() {
        UUID id = newInteraction();
        List<ContextEntryWrite> pages = new ArrayList<>();
        for (int page = 1; page <= 60; page++) {
            pages.add(ContextEntryWrite.of(ContextCategory.PAGES, "view", IntNode.valueOf(page)));
        }

        ContextView view = contexts.write(id, new ContextWrite(ContextSource.SDK, "customer", pages));

        assertThat(view.context().get("pages")).hasSize(50);
        assertThat(view.context().get("pages").get(0).asInt()).isEqualTo(11);
        assertThat(view.entries()).hasSize(50);
    }

    @Test
    void agentWritesContextAndIsRecordedAsItself() {
        UUID id = newInteraction();
        contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.SDK,
                        "customer",
                        ContextEntryWrite.of(ContextCategory.CUSTOM, "reason", TextNode.valueOf("billing"))));

        String own = "agent:" + caller().username();
        ResponseEntity<JsonNode> response = new RestCalls(port, caller())
                .patch(
                        "/api/v1/interactions/" + id + "/context",
                        """
                        {"source": "agent",
                         "entries": [{"category": "custom", "key": "reason", "value": "refund"},
                                     {"category": "custom", "key": "caseNumber", "value": 4711}]}
                        """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().at("/context/custom/reason").asText()).isEqualTo("refund");
        assertThat(response.getBody().at("/context/custom/caseNumber").asInt()).isEqualTo(4711);
        ContextView view = contexts.read(id);
        assertThat(view.entries())
                .filteredOn(e -> e.key().equals("reason"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.source()).isEqualTo(ContextSource.AGENT);
                    assertThat(entry.actor()).isEqualTo(own);
                    assertThat(entry.writtenAt()).isNotNull();
                });
        assertThat(timeline.list(id, 0, 10)).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo("context.updated");
            assertThat(event.actor()).isEqualTo(own);
            assertThat(event.summary()).isEqualTo(own + " (agent) updated context: custom.reason, custom.caseNumber");
            assertThat(event.details()).containsEntry("source", "agent");
        });
    }

    @Test
    void anAgentNamingAnotherWriterIsRefusedAndNothingIsWritten() {
        UUID id = newInteraction();
        RestCalls agent = new RestCalls(port, caller());

        ResponseEntity<JsonNode> asAlice = agent.patch(
                "/api/v1/interactions/" + id + "/context",
                """
                {"source": "agent", "actor": "agent:alice",
                 "entries": [{"category": "custom", "key": "reason", "value": "refund"}]}
                """);
        ResponseEntity<JsonNode> asTheIvr = agent.patch(
                "/api/v1/interactions/" + id + "/context",
                """
                {"source": "ivr", "entries": [{"category": "ivr", "key": "menu", "value": "2"}]}
                """);

        assertThat(asAlice.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asAlice.getBody().path("code").asText()).isEqualTo("context.actor_not_allowed");
        assertThat(asTheIvr.getBody().path("code").asText()).isEqualTo("context.actor_not_allowed");
        assertThat(contexts.read(id).entries()).as("nothing written").isEmpty();
    }

    @Test
    void nullValueRemovesTheKey() {
        UUID id = newInteraction();
        contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.SDK,
                        "customer",
                        ContextEntryWrite.of(ContextCategory.DEVICE, "os", TextNode.valueOf("iOS")),
                        ContextEntryWrite.of(ContextCategory.DEVICE, "browser", TextNode.valueOf("Safari"))));

        ContextView view = contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.SDK, "customer", ContextEntryWrite.remove(ContextCategory.DEVICE, "browser")));

        assertThat(view.context().toString()).isEqualTo("{\"device\":{\"os\":\"iOS\"}}");
        assertThat(jdbc.queryForObject("select count(*) from context_entry where correlation_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void nestedJsonValuesSurviveTheRoundTripThroughPostgres() throws Exception {
        UUID id = newInteraction();
        String nested =
                """
                {"cart": {"items": [{"sku": "A-1", "qty": 2, "price": 19.99}, {"sku": "B-2", "qty": 1, "price": 5}],
                          "coupon": null, "gift": false},
                 "tags": ["vip", "zürich", "☎"], "big": 12345678901234, "score": -0.5, "empty": {}}
                """;

        ResponseEntity<JsonNode> written = new RestCalls(port, new TestUsers(userService).admin())
                .patch(
                        "/api/v1/interactions/" + id + "/context",
                        "{\"source\":\"sdk\",\"actor\":\"customer\",\"entries\":[{\"category\":\"custom\","
                                + "\"key\":\"order\",\"value\":" + nested + "}]}");
        ResponseEntity<JsonNode> readBack =
                new RestCalls(port, caller()).get("/api/v1/interactions/" + id + "/context");

        JsonNode expected = json.readTree(nested);
        assertThat(written.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readBack.getBody().at("/context/custom/order")).isEqualTo(expected);
        assertThat(contexts.read(id).context().at("/custom/order")).isEqualTo(expected);
        assertThat(json.readTree(jdbc.queryForObject(
                        "select value::text from context_entry where correlation_id = ?", String.class, id)))
                .isEqualTo(expected);
    }

    @Test
    void sensitiveValuesAreReadableButMaskedInTheTimelineEvenWhenRewritten() {
        UUID id = newInteraction();
        contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.IVR,
                        "ivr:verify",
                        ContextEntryWrite.sensitive(
                                ContextCategory.IVR, "accountNumber", TextNode.valueOf("DE-SECRET-1")),
                        ContextEntryWrite.of(ContextCategory.IVR, "menu", TextNode.valueOf("billing"))));
        // a later writer forgets the flag: the key stays sensitive
        contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.AGENT,
                        "agent:bob",
                        ContextEntryWrite.of(ContextCategory.IVR, "accountNumber", TextNode.valueOf("DE-SECRET-2"))));

        assertThat(contexts.read(id).context().at("/ivr/accountNumber").asText())
                .isEqualTo("DE-SECRET-2");
        List<TimelineEvent> updates = timeline.list(id, 0, 10).stream()
                .filter(e -> e.type().equals("context.updated"))
                .toList();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).details().get("changes"))
                .isEqualTo(List.of(
                        Map.of("category", "ivr", "key", "accountNumber", "sensitive", true, "value", "[masked]"),
                        Map.of("category", "ivr", "key", "menu", "value", "billing")));
        assertThat(updates.get(1).details().get("changes"))
                .isEqualTo(List.of(
                        Map.of("category", "ivr", "key", "accountNumber", "sensitive", true, "value", "[masked]")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from timeline_event where correlation_id = ? and details::text like '%SECRET%'",
                        Long.class, id))
                .as("no sensitive value reached the timeline table")
                .isZero();
    }

    @Test
    void writingToAnUnknownInteractionCreatesNothing() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> contexts.write(
                        unknown,
                        ContextWrite.of(
                                ContextSource.SYSTEM,
                                "system",
                                ContextEntryWrite.of(ContextCategory.CUSTOM, "a", IntNode.valueOf(1)))))
                .isInstanceOf(InteractionNotFoundException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from context_entry where correlation_id = ?", Long.class, unknown))
                .isZero();
    }

    private UUID newInteraction() {
        return correlations
                .resolve(new ResolveRequest(null, null, Channel.CHAT))
                .interaction()
                .correlationId();
    }

    private int storedContextBytes(UUID id) {
        return jdbc.queryForObject("select context_bytes from interaction where correlation_id = ?", Integer.class, id);
    }
}
