package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PalettesIntegrationTest
class ConcurrentContextWritersIT {

    private static final int WRITERS = 8;

    @Autowired
    CorrelationService correlations;

    @Autowired
    ContextService contexts;

    @Autowired
    TimelineService timeline;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eightConcurrentWritersLoseNoUpdate() throws Exception {
        UUID id = newInteraction();
        int writesEach = 20;

        runConcurrently(writer -> {
            for (int write = 0; write < writesEach; write++) {
                contexts.write(
                        id,
                        ContextWrite.of(
                                ContextSource.AGENT,
                                "agent:" + writer,
                                ContextEntryWrite.of(
                                        ContextCategory.CUSTOM, "w" + writer + "_" + write, TextNode.valueOf("v")),
                                ContextEntryWrite.of(
                                        ContextCategory.PAGES, "view", TextNode.valueOf(writer + "/" + write))));
            }
            return writesEach;
        });

        ContextView view = contexts.read(id);
        assertThat(view.context().get("custom").size()).isEqualTo(WRITERS * writesEach);
        assertThat(view.context().get("pages")).hasSize(50);
        assertThat(countContextUpdated(id)).isEqualTo(WRITERS * writesEach);
        assertThat(storedContextBytes(id))
                .as("the stored size is the size of the last committed state")
                .isEqualTo(view.sizeBytes());
    }

    @Test
    void concurrentWritersRacingForTheLastBytesNeverPassTheLimit() throws Exception {
        UUID id = newInteraction();
        int writesEach = 10; // 8 x 10 x ~1 KB: far more than 32 KB
        AtomicInteger rejected = new AtomicInteger();

        int accepted = runConcurrently(writer -> {
            int mine = 0;
            for (int write = 0; write < writesEach; write++) {
                try {
                    contexts.write(
                            id,
                            ContextWrite.of(
                                    ContextSource.SDK,
                                    "customer",
                                    ContextEntryWrite.of(
                                            ContextCategory.CUSTOM,
                                            "w" + writer + "_" + write,
                                            TextNode.valueOf("x".repeat(1000)))));
                    mine++;
                } catch (ContextTooLargeException e) {
                    assertThat(e.sizeBytes()).isGreaterThan(e.limitBytes());
                    rejected.incrementAndGet();
                }
            }
            return mine;
        });

        ContextView view = contexts.read(id);
        assertThat(accepted + rejected.get()).isEqualTo(WRITERS * writesEach);
        assertThat(rejected.get()).isPositive();
        assertThat(view.sizeBytes()).isLessThanOrEqualTo(32_768).isGreaterThan(32_768 - 1020);
        assertThat(view.context().get("custom").size()).isEqualTo(accepted);
        assertThat(jdbc.queryForObject("select count(*) from context_entry where correlation_id = ?", Long.class, id))
                .as("no rejected write left a row behind")
                .isEqualTo(accepted);
        assertThat(countContextUpdated(id)).isEqualTo(accepted);
    }

    /** Starts every writer at once and returns the sum of what they return. */
    private int runConcurrently(Writer writer) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int index = 0; index < WRITERS; index++) {
                int number = index;
                Callable<Integer> task = () -> {
                    start.await();
                    return writer.run(number);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Writer {
        int run(int writer) throws Exception;
    }

    private long countContextUpdated(UUID id) {
        return timeline.list(id, 0, 1000).stream()
                .filter(e -> e.type().equals(TimelineEventTypes.CONTEXT_UPDATED))
                .count();
    }

    private int storedContextBytes(UUID id) {
        return jdbc.queryForObject("select context_bytes from interaction where correlation_id = ?", Integer.class, id);
    }

    private UUID newInteraction() {
        return correlations
                .resolve(new ResolveRequest(null, null, Channel.CHAT))
                .interaction()
                .correlationId();
    }
}
