package dev.liaison.palettes.routing;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/queues")
@Tag(name = "Queues", description = "Queues, what waits in them, and their real-time statistics")
class QueueController {

    private final QueueService queues;
    private final QueueStatistics statistics;
    private final TaskRepository tasks;

    QueueController(QueueService queues, QueueStatistics statistics, TaskRepository tasks) {
        this.queues = queues;
        this.statistics = statistics;
        this.tasks = tasks;
    }

    record QueueView(
            UUID id,
            String name,
            String description,
            String targetExpression,
            int reservationTimeoutSeconds,
            int wrapUpSeconds,
            int serviceLevelSeconds,
            Instant createdAt) {

        static QueueView of(TaskQueue queue) {
            return new QueueView(
                    queue.getId(),
                    queue.getName(),
                    queue.getDescription(),
                    queue.getTargetExpression(),
                    queue.getReservationTimeoutSeconds(),
                    queue.getWrapUpSeconds(),
                    queue.getServiceLevelSeconds(),
                    queue.getCreatedAt());
        }
    }

    @PreAuthorize(Access.READ)
    @GetMapping
    @Operation(summary = "All queues, by name")
    List<QueueView> list() {
        return queues.all().stream().map(QueueView::of).toList();
    }

    @PreAuthorize(Access.ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a queue; its target expression is checked (errors point at the column)")
    QueueView create(@Valid @RequestBody QueueSpec spec) {
        return QueueView.of(queues.create(spec));
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{name}")
    @Operation(summary = "One queue")
    QueueView get(@PathVariable String name) {
        return QueueView.of(queues.byName(name));
    }

    @PreAuthorize(Access.ADMIN)
    @PutMapping("/{name}")
    @Operation(summary = "Replace a queue's settings")
    QueueView update(@PathVariable String name, @Valid @RequestBody QueueSpec spec) {
        return QueueView.of(queues.update(name, spec));
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{name}/tasks")
    @Operation(summary = "Waiting tasks in the order they will be served (priority, then age)")
    List<TaskView> waiting(
            @PathVariable String name, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        TaskQueue queue = queues.byName(name);
        return tasks
                .findByQueueIdAndStatusInOrderByPriorityDescCreatedAtAsc(
                        queue.getId(),
                        List.of(TaskStatus.PENDING, TaskStatus.RESERVED),
                        org.springframework.data.domain.PageRequest.of(0, limit))
                .stream()
                .map(TaskView::of)
                .toList();
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{name}/statistics")
    @Operation(summary = "Real-time statistics of one queue")
    QueueStatistics.Snapshot queueStatistics(@PathVariable String name) {
        return statistics.of(queues.byName(name));
    }
}
