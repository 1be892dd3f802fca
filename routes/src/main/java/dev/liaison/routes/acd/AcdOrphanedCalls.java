package dev.liaison.routes.acd;

import dev.liaison.routes.system.NodeProperties;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After a restart, closes the tasks of calls this node carried before it stopped: calls live in the node's memory, so
 * they are gone, and their tasks (still waiting, or assigned to an agent) would otherwise wait for nothing. Tasks of
 * calls on other nodes (another {@code liaison.node.id}) are not touched.
 */
@Component
class AcdOrphanedCalls {

    private static final Logger log = LoggerFactory.getLogger(AcdOrphanedCalls.class);

    /** The reason the tasks are canceled or ended with. */
    static final String REASON = "node-restarted";

    private final JdbcTemplate jdbc;
    private final NodeProperties node;
    private final AcdTasks tasks;

    AcdOrphanedCalls(JdbcTemplate jdbc, NodeProperties node, AcdTasks tasks) {
        this.jdbc = jdbc;
        this.node = node;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeOrphans() {
        List<UUID> orphans = jdbc.queryForList(
                "SELECT id FROM task WHERE status IN ('PENDING', 'RESERVED', 'ASSIGNED')"
                        + " AND attributes->>'gatewayNode' = ? AND attributes->>'gatewayCallId' IS NOT NULL",
                UUID.class,
                node.id());
        for (UUID task : orphans) {
            tasks.close(task, REASON);
        }
        if (!orphans.isEmpty()) {
            log.info("Closed {} task(s) of calls this node carried before it restarted", orphans.size());
        }
    }
}
