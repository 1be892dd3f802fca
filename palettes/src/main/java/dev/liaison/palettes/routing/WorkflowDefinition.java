package dev.liaison.palettes.routing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * How a workflow routes a task: the first filter whose {@code match} expression accepts the task's attributes decides,
 * and its targets are tried in order. A target with a timeout hands the task to the next target when the task has
 * waited that long there (escalation, typically to a wider skill set); a target with {@code skipIfNoAgents} is passed
 * over at once when no agent that could take the task is available. Tasks no filter matches go to {@code
 * defaultQueue}.
 */
@Schema(description = "Ordered filters with targets; the first matching filter routes the task")
public record WorkflowDefinition(
        @NotEmpty @Size(max = 50) List<@Valid Filter> filters,
        @Schema(description = "Queue for tasks no filter matches") @NotBlank String defaultQueue) {

    /**
     * @param name unique within the workflow, shown in routing explanations
     * @param match expression over the task's attributes ({@code task.vip == true}); {@code true} matches all
     * @param targets tried in order
     */
    public record Filter(
            @NotBlank @Size(max = 64) String name,
            @NotBlank @Size(max = 4096) String match,
            @NotEmpty @Size(max = 20) List<@Valid Target> targets) {}

    /**
     * @param queue name of the queue the task waits in while at this target
     * @param expression extra condition on agents, on top of the queue's own (may be null)
     * @param priority new priority of the task while at this target (null keeps it)
     * @param timeoutSeconds how long the task waits here before moving to the next target (null: no limit)
     * @param skipIfNoAgents pass over this target at once when no agent matching it is available
     */
    public record Target(
            @NotBlank String queue,
            @Size(max = 4096) String expression,
            @Min(0) @Max(1000) Integer priority,
            @Min(1) @Max(86_400) Integer timeoutSeconds,
            boolean skipIfNoAgents) {}
}
