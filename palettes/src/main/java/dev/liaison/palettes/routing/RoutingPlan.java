package dev.liaison.palettes.routing;

import dev.liaison.palettes.web.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns queues and workflows into {@link RoutingTarget}s: which filter a new task falls under, which target it is at,
 * and what comes after a target times out.
 */
@Component
public class RoutingPlan {

    /**
     * Changes whenever a queue or a workflow is created, changed or deleted, on any node: every row's id and the
     * transaction that wrote its current version ({@code xmin}), hashed. Plain SQL, as JPA cannot read {@code xmin}.
     */
    private static final String VERSION = "SELECT md5("
            + "(SELECT coalesce(string_agg(id::text || ':' || xmin::text, ',' ORDER BY id), '') FROM task_queue)"
            + " || '/' || "
            + "(SELECT coalesce(string_agg(id::text || ':' || xmin::text, ',' ORDER BY id), '') FROM workflow))";

    private final TaskQueueRepository queues;
    private final WorkflowRepository workflows;
    private final ExpressionCache expressions;
    private final JdbcTemplate jdbc;

    /** The last snapshot loaded, reused while the queues and workflows stay as they were. */
    private volatile Versioned latest;

    RoutingPlan(
            TaskQueueRepository queues, WorkflowRepository workflows, ExpressionCache expressions, JdbcTemplate jdbc) {
        this.queues = queues;
        this.workflows = workflows;
        this.expressions = expressions;
        this.jdbc = jdbc;
    }

    private record Versioned(String version, Snapshot snapshot) {}

    /**
     * A snapshot of every queue and workflow, for one routing pass or one operation. Loading them costs two queries
     * and fifty-odd entities per pass and per new task; one short query tells whether the last snapshot still holds.
     * Its queues and workflows are shared between threads and must only be read.
     */
    public Snapshot snapshot() {
        String version = jdbc.queryForObject(VERSION, String.class);
        Versioned last = latest;
        if (last != null && last.version().equals(version)) {
            return last.snapshot();
        }
        Map<UUID, TaskQueue> byId =
                queues.findAll().stream().collect(Collectors.toMap(TaskQueue::getId, Function.identity()));
        Map<String, TaskQueue> byName =
                byId.values().stream().collect(Collectors.toMap(TaskQueue::getName, Function.identity()));
        Map<UUID, Workflow> flows =
                workflows.findAll().stream().collect(Collectors.toMap(Workflow::getId, Function.identity()));
        Snapshot snapshot = new Snapshot(byId, byName, flows);
        latest = new Versioned(version, snapshot);
        return snapshot;
    }

    /** Queues and workflows as they were when the snapshot was taken. */
    public final class Snapshot {

        private final Map<UUID, TaskQueue> queuesById;
        private final Map<String, TaskQueue> queuesByName;
        private final Map<UUID, Workflow> workflowsById;

        private Snapshot(
                Map<UUID, TaskQueue> queuesById,
                Map<String, TaskQueue> queuesByName,
                Map<UUID, Workflow> workflowsById) {
            this.queuesById = queuesById;
            this.queuesByName = queuesByName;
            this.workflowsById = workflowsById;
        }

        public TaskQueue queue(UUID id) {
            return queuesById.get(id);
        }

        public TaskQueue queue(String name) {
            TaskQueue queue = queuesByName.get(name);
            if (queue == null) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "queue.unknown",
                        "no queue named '" + name + "'",
                        Map.of("queue", name));
            }
            return queue;
        }

        /** The filter of {@code workflow} that takes a task with these attributes, null when none does. */
        public WorkflowDefinition.Filter filterFor(Workflow workflow, Map<String, ?> taskAttributes) {
            for (WorkflowDefinition.Filter filter : workflow.getDefinition().filters()) {
                if (expressions.get(filter.match()).matches(Map.of(), taskAttributes)) {
                    return filter;
                }
            }
            return null;
        }

        /** Where the task is now, from its queue, workflow, filter and target index. */
        public RoutingTarget targetOf(Task task) {
            return targetOf(task.getQueueId(), task.getWorkflowId(), task.getFilterName(), task.getTargetIndex());
        }

        /** Where a task is now, given its queue, workflow, filter and target index as plain values. */
        public RoutingTarget targetOf(UUID queueId, UUID workflowId, String filterName, int targetIndex) {
            TaskQueue queue = queuesById.get(queueId);
            WorkflowDefinition.Target target = workflowTarget(workflowId, filterName, targetIndex);
            return toTarget(queue, filterName, targetIndex, target);
        }

        /** The target after {@code index} in the task's filter, null when it was the last. */
        public RoutingTarget targetAt(Task task, int index) {
            WorkflowDefinition.Target target = workflowTarget(task.getWorkflowId(), task.getFilterName(), index);
            if (target == null) {
                return null;
            }
            return toTarget(queue(target.queue()), task.getFilterName(), index, target);
        }

        private WorkflowDefinition.Target workflowTarget(UUID workflowId, String filterName, int index) {
            if (workflowId == null || filterName == null) {
                return null;
            }
            Workflow workflow = workflowsById.get(workflowId);
            if (workflow == null) {
                return null;
            }
            for (WorkflowDefinition.Filter filter : workflow.getDefinition().filters()) {
                if (filter.name().equals(filterName)) {
                    return index < filter.targets().size() ? filter.targets().get(index) : null;
                }
            }
            return null;
        }

        private RoutingTarget toTarget(TaskQueue queue, String filter, int index, WorkflowDefinition.Target target) {
            List<dev.liaison.palettes.routing.expression.TargetExpression> conditions = new ArrayList<>();
            conditions.add(expressions.get(queue.getTargetExpression()));
            if (target == null) {
                return new RoutingTarget(queue, null, 0, List.copyOf(conditions), null, null, false);
            }
            if (target.expression() != null && !target.expression().isBlank()) {
                conditions.add(expressions.get(target.expression()));
            }
            Duration timeout = target.timeoutSeconds() == null ? null : Duration.ofSeconds(target.timeoutSeconds());
            return new RoutingTarget(
                    queue, filter, index, List.copyOf(conditions), target.priority(), timeout, target.skipIfNoAgents());
        }
    }
}
