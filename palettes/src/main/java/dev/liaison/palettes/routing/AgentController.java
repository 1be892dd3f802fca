package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.agent.AgentSpec;
import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.agent.AgentView;
import dev.liaison.palettes.security.Access;
import dev.liaison.palettes.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Agents, their skills and capacity, their state, their offers")
class AgentController {

    private final AgentDirectory directory;
    private final AgentStateService states;
    private final ReservationService reservations;
    private final ReservationRepository reservationRepository;
    private final TaskRepository tasks;
    private final AcdProperties properties;

    AgentController(
            AgentDirectory directory,
            AgentStateService states,
            ReservationService reservations,
            ReservationRepository reservationRepository,
            TaskRepository tasks,
            AcdProperties properties) {
        this.directory = directory;
        this.states = states;
        this.reservations = reservations;
        this.reservationRepository = reservationRepository;
        this.tasks = tasks;
        this.properties = properties;
    }

    /**
     * @param state {@code AVAILABLE}, {@code NOT_READY} (with a reason) or {@code OFFLINE}
     * @param reason why not ready: break, training, ...
     */
    record StateChange(@NotNull AgentState state, @Pattern(regexp = "[A-Za-z0-9 _.-]{1,100}") String reason) {}

    record Decision(@Pattern(regexp = ".{0,200}") String reason) {}

    @PreAuthorize(Access.READ)
    @GetMapping
    @Operation(summary = "All agents, by login")
    List<AgentView> list() {
        return directory.all().stream().map(AgentView::of).toList();
    }

    @PreAuthorize(Access.ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an agent (signed out)")
    AgentView create(@Valid @RequestBody AgentSpec spec) {
        return AgentView.of(directory.create(spec, properties.defaultCapacity()));
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{id}")
    @Operation(summary = "One agent")
    AgentView get(@PathVariable UUID id) {
        return AgentView.of(directory.get(id));
    }

    @PreAuthorize(Access.ADMIN)
    @PutMapping("/{id}")
    @Operation(summary = "Replace an agent's name, skills, capacity and attributes")
    AgentView update(@PathVariable UUID id, @Valid @RequestBody AgentSpec spec) {
        return AgentView.of(directory.update(id, spec, properties.defaultCapacity()));
    }

    @PreAuthorize(Access.AS_AGENT)
    @PutMapping("/{id}/state")
    @Operation(summary = "Set the agent ready, not ready (with a reason) or signed out")
    AgentView setState(@PathVariable UUID id, @Valid @RequestBody StateChange change) {
        return AgentView.of(
                switch (change.state()) {
                    case AVAILABLE -> states.goAvailable(id);
                    case NOT_READY -> {
                        if (change.reason() == null) {
                            throw new ApiException(
                                    HttpStatus.BAD_REQUEST,
                                    "request.invalid",
                                    "reason is required for NOT_READY",
                                    Map.of("errors", List.of(Map.of("field", "reason", "message", "is required"))));
                        }
                        yield states.goNotReady(id, change.reason());
                    }
                    case OFFLINE -> states.logOut(id);
                    default ->
                        throw new ApiException(
                                HttpStatus.BAD_REQUEST,
                                "agent.state_not_settable",
                                change.state() + " follows from the agent's work; set AVAILABLE, NOT_READY or OFFLINE",
                                Map.of("state", change.state().name()));
                });
    }

    @PreAuthorize(Access.AS_AGENT)
    @PostMapping("/{id}/heartbeat")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign of life from the agent's desktop (agents silent too long are signed out)")
    void heartbeat(@PathVariable UUID id) {
        states.heartbeat(id);
    }

    @PreAuthorize(Access.AS_AGENT)
    @GetMapping("/{id}/offer")
    @Operation(summary = "The offer the agent holds now, if any")
    List<ReservationView> offer(@PathVariable UUID id) {
        return reservationRepository
                .findByAgentIdAndStatus(id, ReservationStatus.PENDING)
                .map(ReservationView::of)
                .stream()
                .toList();
    }

    @PreAuthorize(Access.AS_AGENT)
    @GetMapping("/{id}/tasks")
    @Operation(
            summary = "The tasks the agent holds now (accepted or in wrap-up), oldest first",
            description = "What a desktop shows again after a reload: the conversations the agent has not finished")
    List<TaskView> heldTasks(@PathVariable UUID id) {
        directory.get(id);
        return tasks.findByAgentIdAndStatusIn(id, List.of(TaskStatus.ASSIGNED, TaskStatus.WRAPPING)).stream()
                .sorted(java.util.Comparator.comparing(Task::getAssignedAt))
                .map(TaskView::of)
                .toList();
    }

    @PreAuthorize(Access.AS_AGENT)
    @PostMapping("/{id}/reservations/{reservationId}/accept")
    @Operation(summary = "Accept an offer")
    TaskView accept(@PathVariable UUID id, @PathVariable UUID reservationId) {
        return TaskView.of(reservations.accept(reservationId, id));
    }

    @PreAuthorize(Access.AS_AGENT)
    @PostMapping("/{id}/reservations/{reservationId}/reject")
    @Operation(summary = "Reject an offer; the task keeps its place and is not offered to this agent again")
    TaskView reject(
            @PathVariable UUID id,
            @PathVariable UUID reservationId,
            @Valid @RequestBody(required = false) Decision decision) {
        return TaskView.of(reservations.reject(reservationId, id, decision == null ? null : decision.reason()));
    }
}
