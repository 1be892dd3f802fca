package dev.liaison.palettes.routing;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Contacts being routed: enqueue, inspect, reprioritize, end, cancel")
class TaskController {

    private final TaskService tasks;
    private final ReservationRepository reservations;

    TaskController(TaskService tasks, ReservationRepository reservations) {
        this.tasks = tasks;
        this.reservations = reservations;
    }

    record PriorityChange(@NotNull @Min(0) @Max(1000) Integer priority) {}

    record Cancel(@Size(max = 100) String reason) {}

    record WrapUp(@Size(max = 100) String disposition) {}

    @PreAuthorize(Access.ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enqueue a contact in a queue or through a workflow")
    TaskView create(@Valid @RequestBody NewTask request) {
        return TaskView.of(tasks.enqueue(request));
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{id}")
    @Operation(summary = "One task")
    TaskView get(@PathVariable UUID id) {
        return TaskView.of(tasks.get(id));
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{id}/reservations")
    @Operation(summary = "Every offer of this task, with why that agent was chosen and who was passed over")
    List<ReservationView> offers(@PathVariable UUID id) {
        tasks.get(id);
        return reservations.findByTaskIdOrderByCreatedAtAsc(id).stream()
                .map(ReservationView::of)
                .toList();
    }

    @PreAuthorize(Access.ADMIN)
    @PatchMapping("/{id}")
    @Operation(summary = "Change a waiting task's priority; it applies at the next routing pass")
    TaskView changePriority(@PathVariable UUID id, @Valid @RequestBody PriorityChange change) {
        return TaskView.of(tasks.changePriority(id, change.priority(), "api"));
    }

    @PreAuthorize(Access.ADMIN)
    @PostMapping("/{id}/cancel")
    @Operation(summary = "The customer left: remove a waiting task (an offer in progress is withdrawn)")
    TaskView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) Cancel cancel) {
        String reason = cancel == null || cancel.reason() == null ? "abandoned" : cancel.reason();
        return TaskView.of(tasks.cancel(id, reason, "api"));
    }

    @PreAuthorize(TaskAccess.OWN_TASK)
    @PostMapping("/{id}/end")
    @Operation(summary = "The conversation ended: the task goes to wrap-up, or completes when the queue has none")
    TaskView end(@PathVariable UUID id) {
        return TaskView.of(tasks.end(id, "api"));
    }

    @PreAuthorize(TaskAccess.OWN_TASK)
    @PostMapping("/{id}/wrap-up")
    @Operation(summary = "The agent finished wrap-up, with a disposition")
    TaskView wrapUp(@PathVariable UUID id, @Valid @RequestBody(required = false) WrapUp wrapUp) {
        return TaskView.of(tasks.finishWrapUp(id, wrapUp == null ? null : wrapUp.disposition(), "api"));
    }
}
