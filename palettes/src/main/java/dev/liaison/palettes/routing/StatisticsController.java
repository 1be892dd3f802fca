package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics", description = "Real-time statistics per queue and per agent")
class StatisticsController {

    private final QueueService queues;
    private final QueueStatistics queueStatistics;
    private final AgentDirectory agents;
    private final AgentStatistics agentStatistics;

    StatisticsController(
            QueueService queues,
            QueueStatistics queueStatistics,
            AgentDirectory agents,
            AgentStatistics agentStatistics) {
        this.queues = queues;
        this.queueStatistics = queueStatistics;
        this.agents = agents;
        this.agentStatistics = agentStatistics;
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/queues")
    @Operation(summary = "Statistics of every queue (the wallboard)")
    List<QueueStatistics.Snapshot> allQueues() {
        return queues.all().stream().map(queueStatistics::of).toList();
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/agents")
    @Operation(summary = "Statistics of every agent")
    List<AgentStatistics.Snapshot> allAgents() {
        return agents.all().stream().map(agentStatistics::of).toList();
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/agents/{id}")
    @Operation(summary = "Statistics of one agent: state and time in it, current work, today's contacts")
    AgentStatistics.Snapshot agent(@PathVariable UUID id) {
        return agentStatistics.of(agents.get(id));
    }
}
