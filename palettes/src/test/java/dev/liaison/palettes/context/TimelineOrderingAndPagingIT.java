package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.palettes.security.UserService;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@PalettesIntegrationTest
class TimelineOrderingAndPagingIT {

    @Autowired
    UserService userService;

    private TestUsers.Credentials caller;

    /** Calls go as a DESIGNER user, created once per test instance. */
    private TestUsers.Credentials caller() {
        if (caller == null) {
            caller = new TestUsers(userService).designer();
        }
        return caller;
    }

    @Autowired
    CorrelationService correlations;

    @Autowired
    TimelineService timeline;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void eventsComeBackInAppendOrderPageByPage() {
        UUID id = newInteraction(); // interaction.created is event 1
        for (int step = 1; step <= 25; step++) {
            timeline.append(id, "contact.queued", "system", "step " + step, Map.of("step", step));
        }
        RestCalls rest = new RestCalls(port, caller());

        List<JsonNode> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        long afterId = 0;
        while (true) {
            ResponseEntity<JsonNode> page =
                    rest.get("/api/v1/interactions/" + id + "/timeline?limit=10&afterId=" + afterId);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            page.getBody().get("events").forEach(seen::add);
            pageSizes.add(page.getBody().get("events").size());
            if (page.getBody().get("nextAfterId").isNull()) {
                break;
            }
            afterId = page.getBody().get("nextAfterId").asLong();
        }

        assertThat(pageSizes).containsExactly(10, 10, 6);
        assertThat(seen).extracting(e -> e.get("id").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(0).get("type").asText()).isEqualTo("interaction.created");
        assertThat(seen.subList(1, 26))
                .extracting(e -> e.at("/details/step").asInt())
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(seen.get(25).get("summary").asText()).isEqualTo("step 25");
        assertThat(seen.get(25).get("correlationId").asText()).isEqualTo(id.toString());
        assertThat(Instant.parse(seen.get(25).get("occurredAt").asText())).isNotNull();
    }

    @Test
    void defaultPageIsAHundredEvents() {
        UUID id = newInteraction();
        for (int step = 0; step < 120; step++) {
            timeline.append(id, "ivr.step_reached", "ivr:main", "step", null);
        }

        JsonNode page = new RestCalls(port, caller())
                .get("/api/v1/interactions/" + id + "/timeline")
                .getBody();

        assertThat(page.get("events")).hasSize(100);
        assertThat(page.get("nextAfterId").asLong())
                .isEqualTo(page.get("events").get(99).get("id").asLong());
    }

    @Test
    void concurrentAppendersKeepEachOnesOrderAndLoseNothing() throws Exception {
        UUID id = newInteraction();
        int appenders = 8;
        int each = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(appenders);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int appender = 0; appender < appenders; appender++) {
                String actor = "cti:adapter-" + appender;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < each; n++) {
                        timeline.append(id, "cti.event_received", actor, "event " + n, Map.of("n", n));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<TimelineEvent> events = timeline.list(id, 0, 1000);
        assertThat(events).hasSize(1 + appenders * each);
        for (int appender = 0; appender < appenders; appender++) {
            String actor = "cti:adapter-" + appender;
            assertThat(events)
                    .filteredOn(e -> e.actor().equals(actor))
                    .extracting(e -> ((Number) e.details().get("n")).intValue())
                    .containsExactlyElementsOf(
                            java.util.stream.IntStream.range(0, each).boxed().toList());
        }
    }

    @Test
    void detailsFromOtherFeaturesAreStoredAsPlainJson() {
        UUID id = newInteraction();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("queue", "billing");
        details.put("skills", List.of("fr", "billing"));
        details.put("offeredAt", Instant.parse("2030-01-02T03:04:05Z"));
        details.put("agent", Map.of("id", "alice", "score", 0.75));
        details.put("note", null);

        TimelineEvent appended =
                timeline.append(id, "routing.offered", "acd", "Offered to alice\n(best skill match)", details);
        TimelineEvent stored = timeline.list(id, appended.id() - 1, 1).get(0);

        assertThat(stored).isEqualTo(appended);
        assertThat(stored.summary()).isEqualTo("Offered to alice (best skill match)");
        assertThat(stored.details())
                .containsEntry("offeredAt", "2030-01-02T03:04:05Z")
                .containsEntry("skills", List.of("fr", "billing"))
                .containsEntry("agent", Map.of("id", "alice", "score", 0.75))
                .containsEntry("note", null);
    }

    @Test
    void longSummaryIsCutToOneLineOfFiveHundredCharacters() {
        UUID id = newInteraction();

        TimelineEvent event = timeline.append(id, "agent.note_added", "agent:alice", "n".repeat(800), Map.of());

        assertThat(event.summary()).hasSize(500).endsWith("…");
    }

    @Test
    void appendJoinsTheCallersTransaction() {
        UUID id = newInteraction();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    timeline.append(id, "contact.queued", "acd", "queued", Map.of());
                    throw new IllegalStateException("the caller's own change failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(timeline.list(id, 0, 10)).extracting(TimelineEvent::type).containsExactly("interaction.created");
    }

    @Test
    void malformedAppendsAreRefused() {
        UUID id = newInteraction();

        assertThatThrownBy(() -> timeline.append(id, "Contact Queued", "acd", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dotted lower-case");
        assertThatThrownBy(() -> timeline.append(id, "queued", "acd", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timeline.append(id, "contact.queued", " ", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timeline.append(id, "contact.queued", "acd", "  ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timeline.append(UUID.randomUUID(), "contact.queued", "acd", "x", Map.of()))
                .isInstanceOf(InteractionNotFoundException.class);
        assertThat(jdbc.queryForObject("select count(*) from timeline_event where correlation_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void appendAllWritesEveryEventInTheOrderGivenOrNothing() {
        UUID first = newInteraction();
        UUID second = newInteraction();
        timeline.appendAll(List.of(
                new TimelineEntry(second, "routing.offered", "system", "to B 1", Map.of("n", 1)),
                new TimelineEntry(first, "routing.offered", "system", "to A", Map.of("at", Instant.EPOCH)),
                new TimelineEntry(second, "routing.offered", "system", "to B\n2", null)));

        List<TimelineEvent> ofFirst = offered(first);
        List<TimelineEvent> ofSecond = offered(second);
        assertThat(ofFirst).extracting(TimelineEvent::summary).containsExactly("to A");
        assertThat(ofFirst.get(0).details()).containsEntry("at", "1970-01-01T00:00:00Z");
        assertThat(ofSecond).extracting(TimelineEvent::summary).containsExactly("to B 1", "to B 2");
        assertThat(ofSecond).extracting(TimelineEvent::id).isSorted();
        assertThat(ofSecond.get(1).details()).isEmpty();

        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> timeline.appendAll(List.of(
                        new TimelineEntry(first, "routing.offered", "system", "lost", null),
                        new TimelineEntry(unknown, "routing.offered", "system", "nowhere", null))))
                .isInstanceOf(InteractionNotFoundException.class);
        assertThat(offered(first)).extracting(TimelineEvent::summary).containsExactly("to A");
    }

    private List<TimelineEvent> offered(UUID correlationId) {
        return timeline.list(correlationId, 0, 100).stream()
                .filter(event -> event.type().equals("routing.offered"))
                .toList();
    }

    private UUID newInteraction() {
        return correlations
                .resolve(new ResolveRequest(null, null, Channel.VOICE))
                .interaction()
                .correlationId();
    }
}
