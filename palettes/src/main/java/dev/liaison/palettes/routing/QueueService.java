package dev.liaison.palettes.routing;

import dev.liaison.palettes.web.ApiException;
import dev.liaison.palettes.web.ConflictException;
import dev.liaison.palettes.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues and workflows as admins configure them; every expression is checked before it is stored. */
@Service
public class QueueService {

    private final TaskQueueRepository queues;
    private final WorkflowRepository workflows;
    private final ExpressionCache expressions;
    private final Clock clock;

    QueueService(TaskQueueRepository queues, WorkflowRepository workflows, ExpressionCache expressions, Clock clock) {
        this.queues = queues;
        this.workflows = workflows;
        this.expressions = expressions;
        this.clock = clock;
    }

    @Transactional
    public TaskQueue create(QueueSpec spec) {
        if (queues.existsByName(spec.name())) {
            throw new ConflictException("queue.exists", "queue '" + spec.name() + "' already exists");
        }
        TaskQueue queue = new TaskQueue(UUID.randomUUID(), spec.name(), clock.instant());
        apply(queue, spec);
        return queues.save(queue);
    }

    @Transactional
    public TaskQueue update(String name, QueueSpec spec) {
        TaskQueue queue = byName(name);
        if (!queue.getName().equals(spec.name())) {
            throw invalid("name", "cannot change");
        }
        apply(queue, spec);
        return queue;
    }

    private void apply(TaskQueue queue, QueueSpec spec) {
        expressions.get(spec.targetExpression());
        queue.setDescription(spec.description());
        queue.setTargetExpression(spec.targetExpression());
        queue.setReservationTimeoutSeconds(
                spec.reservationTimeoutSeconds() == null ? 20 : spec.reservationTimeoutSeconds());
        queue.setWrapUpSeconds(spec.wrapUpSeconds() == null ? 0 : spec.wrapUpSeconds());
        queue.setServiceLevelSeconds(spec.serviceLevelSeconds() == null ? 20 : spec.serviceLevelSeconds());
    }

    @Transactional(readOnly = true)
    public TaskQueue byName(String name) {
        return queues.findByName(name).orElseThrow(() -> new NotFoundException("queue", name));
    }

    @Transactional(readOnly = true)
    public List<TaskQueue> all() {
        return queues.findAllByOrderByNameAsc();
    }

    @Transactional
    public Workflow createWorkflow(String name, String description, WorkflowDefinition definition) {
        if (workflows.existsByName(name)) {
            throw new ConflictException("workflow.exists", "workflow '" + name + "' already exists");
        }
        validate(definition);
        Workflow workflow = new Workflow(UUID.randomUUID(), name, clock.instant());
        workflow.setDescription(description);
        workflow.setDefinition(definition);
        return workflows.save(workflow);
    }

    @Transactional
    public Workflow updateWorkflow(String name, String description, WorkflowDefinition definition) {
        Workflow workflow = workflowByName(name);
        validate(definition);
        workflow.setDescription(description);
        workflow.setDefinition(definition);
        return workflow;
    }

    @Transactional(readOnly = true)
    public Workflow workflowByName(String name) {
        return workflows.findByName(name).orElseThrow(() -> new NotFoundException("workflow", name));
    }

    @Transactional(readOnly = true)
    public List<Workflow> workflows() {
        return workflows.findAllByOrderByNameAsc();
    }

    /**
     * Checks what bean validation cannot: queues exist, expressions parse, filter names are unique, and every target
     * but the last can be left (it has a timeout or skips when no agent is available), so no target is unreachable.
     */
    void validate(WorkflowDefinition definition) {
        requireQueue(definition.defaultQueue(), "definition.defaultQueue");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int f = 0; f < definition.filters().size(); f++) {
            WorkflowDefinition.Filter filter = definition.filters().get(f);
            String at = "definition.filters[" + f + "]";
            if (!names.add(filter.name())) {
                throw invalid(at + ".name", "repeats filter name '" + filter.name() + "'");
            }
            parse(filter.match(), at + ".match");
            for (int t = 0; t < filter.targets().size(); t++) {
                WorkflowDefinition.Target target = filter.targets().get(t);
                String targetAt = at + ".targets[" + t + "]";
                requireQueue(target.queue(), targetAt + ".queue");
                if (target.expression() != null && !target.expression().isBlank()) {
                    parse(target.expression(), targetAt + ".expression");
                }
                boolean last = t == filter.targets().size() - 1;
                if (!last && target.timeoutSeconds() == null && !target.skipIfNoAgents()) {
                    throw invalid(
                            targetAt + ".timeoutSeconds",
                            "is required: without a timeout or skipIfNoAgents, the targets after it are never reached");
                }
            }
        }
    }

    private void parse(String expression, String field) {
        try {
            expressions.get(expression);
        } catch (ApiException e) {
            Map<String, Object> properties = new java.util.LinkedHashMap<>(e.properties());
            properties.put("field", field);
            properties.put("errors", List.of(Map.of("field", field, "message", e.getMessage())));
            throw new ApiException(e.status(), e.code(), field + ": " + e.getMessage(), properties);
        }
    }

    private void requireQueue(String name, String field) {
        if (!queues.existsByName(name)) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "queue.unknown",
                    field + ": no queue named '" + name + "'",
                    Map.of("field", field, "errors", List.of(Map.of("field", field, "message", "no such queue"))));
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "request.invalid",
                field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
