package dev.liaison.palettes.routing;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workflows")
@Tag(name = "Workflows", description = "Ordered filters with targets, timeouts and escalation")
class WorkflowController {

    private final QueueService queues;

    WorkflowController(QueueService queues) {
        this.queues = queues;
    }

    record WorkflowSpec(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,63}") String name,
            @Size(max = 500) String description,
            @NotNull @Valid WorkflowDefinition definition) {}

    record WorkflowView(UUID id, String name, String description, WorkflowDefinition definition) {

        static WorkflowView of(Workflow workflow) {
            return new WorkflowView(
                    workflow.getId(), workflow.getName(), workflow.getDescription(), workflow.getDefinition());
        }
    }

    @PreAuthorize(Access.READ)
    @GetMapping
    @Operation(summary = "All workflows, by name")
    List<WorkflowView> list() {
        return queues.workflows().stream().map(WorkflowView::of).toList();
    }

    @PreAuthorize(Access.ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workflow; queues, expressions and reachability of targets are checked")
    WorkflowView create(@Valid @RequestBody WorkflowSpec spec) {
        return WorkflowView.of(queues.createWorkflow(spec.name(), spec.description(), spec.definition()));
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{name}")
    @Operation(summary = "One workflow")
    WorkflowView get(@PathVariable String name) {
        return WorkflowView.of(queues.workflowByName(name));
    }

    @PreAuthorize(Access.ADMIN)
    @PutMapping("/{name}")
    @Operation(summary = "Replace a workflow's definition; tasks already queued keep their current target")
    WorkflowView update(@PathVariable String name, @Valid @RequestBody WorkflowSpec spec) {
        return WorkflowView.of(queues.updateWorkflow(name, spec.description(), spec.definition()));
    }
}
