package dev.liaison.routes.system;

import dev.liaison.routes.audit.AuditEntry;
import dev.liaison.routes.audit.AuditLog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes {@code node.started} when the node is ready and {@code node.stopped} when it shuts down cleanly. */
@Component
class NodeLifecycleAudit {

    private final AuditLog audit;
    private final NodeProperties node;
    private final SystemInfoService systemInfo;
    private final AtomicBoolean running = new AtomicBoolean();

    NodeLifecycleAudit(AuditLog audit, NodeProperties node, SystemInfoService systemInfo) {
        this.audit = audit;
        this.node = node;
        this.systemInfo = systemInfo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        running.set(true);
        record("node.started", Map.of("version", systemInfo.version(), "database", systemInfo.databaseMode()));
    }

    @EventListener(ContextClosedEvent.class)
    void stopped() {
        if (!running.getAndSet(false)) {
            return; // a start that failed half-way has nothing to close in the log
        }
        record("node.stopped", Map.of());
    }

    private void record(String action, Map<String, Object> details) {
        audit.record(new AuditEntry("system", action, "node:" + node.id(), details));
    }
}
