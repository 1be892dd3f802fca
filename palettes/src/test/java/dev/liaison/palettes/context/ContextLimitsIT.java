package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@PalettesIntegrationTest
class ContextLimitsIT {

    @Autowired
    UserService userService;

    private TestUsers.Credentials caller;

    /** Calls go as an ADMIN user (an integration may write as any source), created once per test instance. */
    private TestUsers.Credentials caller() {
        if (caller == null) {
            caller = new TestUsers(userService).admin();
        }
        return caller;
    }

    @Autowired
    CorrelationService correlations;

    @Autowired
    ContextService contexts;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void writeOverThe32KbLimitIsRejectedWith413AndNothingIsWritten() {
        UUID id = newInteraction();
        fillWithFourKilobyteValues(id, 7); // about 28 KB
        Snapshot before = snapshot(id);

        ResponseEntity<JsonNode> response = new RestCalls(port, caller())
                .patch(
                        "/api/v1/interactions/" + id + "/context",
                        """
                        {"source": "agent", "actor": "agent:alice",
                         "entries": [{"category": "custom", "key": "small", "value": "fits on its own"},
                                     {"category": "custom", "key": "straw", "value": "%s"}]}
                        """
                                .formatted("x".repeat(5000)));

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = response.getBody();
        assertThat(problem.get("code").asText()).isEqualTo("context.too_large");
        assertThat(problem.get("limitBytes").asInt()).isEqualTo(32_768);
        assertThat(problem.get("sizeBytes").asInt()).isGreaterThan(32_768);
        assertThat(problem.get("sizeBytes").asInt())
                .isEqualTo(before.contextBytes()
                        + ",\"small\":\"fits on its own\"".length()
                        + ",\"straw\":\"\"".length()
                        + 5000);
        assertThat(snapshot(id)).as("nothing half-written").isEqualTo(before);
    }

    @Test
    void contextExactlyAtTheLimitIsAccepted() {
        UUID id = newInteraction();
        ContextView filled = fillWithFourKilobyteValues(id, 7);
        // ,"last":"..." adds 10 bytes around the text
        int room = 32_768 - filled.sizeBytes() - 10;

        ContextView full = contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.SYSTEM,
                        "system",
                        ContextEntryWrite.of(ContextCategory.CUSTOM, "last", TextNode.valueOf("y".repeat(room)))));

        assertThat(full.sizeBytes()).isEqualTo(32_768);
        assertThatThrownBy(() -> contexts.write(
                        id,
                        ContextWrite.of(
                                ContextSource.SYSTEM,
                                "system",
                                ContextEntryWrite.of(ContextCategory.CUSTOM, "one", IntNode.valueOf(1)))))
                .isInstanceOf(ContextTooLargeException.class);
    }

    @Test
    void writeThatFailsOnItsLastEntryLeavesTheEarlierEntriesUnwritten() {
        UUID id = newInteraction();
        Snapshot before = snapshot(id);

        ResponseEntity<JsonNode> response = new RestCalls(port, caller())
                .patch(
                        "/api/v1/interactions/" + id + "/context",
                        """
                        {"source": "sdk", "actor": "customer",
                         "entries": [{"category": "device", "key": "os", "value": "Android"},
                                     {"category": "pages", "key": "view", "value": "/help"},
                                     {"category": "custom", "key": "not valid!", "value": 1}]}
                        """);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo("context.key_invalid");
        assertThat(response.getBody().get("field").asText()).isEqualTo("entries[2].key");
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("entries[2].key");
        assertThat(snapshot(id)).isEqualTo(before);
    }

    @Test
    void valueOverThePerValueLimitIsRejectedWith413() {
        UUID id = newInteraction();
        Snapshot before = snapshot(id);

        ResponseEntity<JsonNode> response = new RestCalls(port, caller())
                .patch(
                        "/api/v1/interactions/" + id + "/context",
                        "{\"source\":\"sdk\",\"actor\":\"customer\",\"entries\":[{\"category\":\"custom\","
                                + "\"key\":\"blob\",\"value\":\"" + "z".repeat(9000) + "\"}]}");

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody().get("code").asText()).isEqualTo("context.value_too_large");
        assertThat(response.getBody().get("limitBytes").asInt()).isEqualTo(8192);
        assertThat(response.getBody().get("sizeBytes").asInt()).isEqualTo(9002);
        assertThat(response.getBody().get("field").asText()).isEqualTo("entries[0].value");
        assertThat(snapshot(id)).isEqualTo(before);
    }

    @Test
    void keyOverTheLengthLimitIsRejected() {
        UUID id = newInteraction();

        ResponseEntity<JsonNode> response = new RestCalls(port, caller())
                .patch(
                        "/api/v1/interactions/" + id + "/context",
                        "{\"source\":\"sdk\",\"actor\":\"customer\",\"entries\":[{\"category\":\"custom\","
                                + "\"key\":\"" + "k".repeat(129) + "\",\"value\":1}]}");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo("context.key_too_long");
        assertThat(response.getBody().get("field").asText()).isEqualTo("entries[0].key");
    }

    @Test
    void moreKeysThanTheLimitAreRejectedWith413() {
        UUID id = newInteraction();
        for (int batch = 0; batch < 4; batch++) {
            List<ContextEntryWrite> keys = new ArrayList<>();
            for (int key = 0; key < 64; key++) {
                keys.add(ContextEntryWrite.of(ContextCategory.CUSTOM, "k" + batch + "_" + key, IntNode.valueOf(key)));
            }
            contexts.write(id, new ContextWrite(ContextSource.SYSTEM, "system", keys));
        }
        Snapshot before = snapshot(id);

        assertThatThrownBy(() -> contexts.write(
                        id,
                        ContextWrite.of(
                                ContextSource.SYSTEM,
                                "system",
                                ContextEntryWrite.of(ContextCategory.ROUTING, "oneTooMany", IntNode.valueOf(1)))))
                .isInstanceOf(TooManyContextKeysException.class)
                .satisfies(e -> assertThat(((TooManyContextKeysException) e).properties())
                        .isEqualTo(Map.of("limitKeys", 256, "keys", 257)));
        assertThat(snapshot(id)).isEqualTo(before);
        // overwriting an existing key does not add one
        contexts.write(
                id,
                ContextWrite.of(
                        ContextSource.SYSTEM,
                        "system",
                        ContextEntryWrite.of(ContextCategory.CUSTOM, "k0_0", IntNode.valueOf(9))));
    }

    private ContextView fillWithFourKilobyteValues(UUID id, int values) {
        ContextView view = null;
        for (int value = 0; value < values; value++) {
            view = contexts.write(
                    id,
                    ContextWrite.of(
                            ContextSource.SDK,
                            "customer",
                            ContextEntryWrite.of(
                                    ContextCategory.CUSTOM, "filler" + value, TextNode.valueOf("f".repeat(4000)))));
        }
        return view;
    }

    private UUID newInteraction() {
        return correlations
                .resolve(new ResolveRequest(null, null, Channel.CHAT))
                .interaction()
                .correlationId();
    }

    /** Everything a write could touch, to compare before and after a rejected one. */
    private Snapshot snapshot(UUID id) {
        return new Snapshot(
                jdbc.queryForList(
                        "select id, category, entry_key, value::text, source, actor, sensitive, written_at"
                                + " from context_entry where correlation_id = ? order by id",
                        id),
                jdbc.queryForList("select id, type from timeline_event where correlation_id = ? order by id", id),
                jdbc.queryForObject(
                        "select context_bytes from interaction where correlation_id = ?", Integer.class, id),
                jdbc.queryForObject(
                        "select version || '@' || last_seen_at from interaction where correlation_id = ?",
                        String.class,
                        id));
    }

    record Snapshot(
            List<Map<String, Object>> entries,
            List<Map<String, Object>> events,
            int contextBytes,
            String versionAndLastSeen) {}
}
