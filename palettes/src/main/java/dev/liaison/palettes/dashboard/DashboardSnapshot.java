package dev.liaison.palettes.dashboard;

import dev.liaison.palettes.agent.AgentState;
import dev.liaison.palettes.routing.AgentStatistics;
import dev.liaison.palettes.routing.QueueStatistics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event of the statistics stream: every queue's and every agent's statistics, and the agents counted by state.
 *
 * @param sequence increases by one with every snapshot this node sends
 * @param trigger {@code change} when an ACD event caused it, {@code interval} for the periodic one, {@code open} for
 *     the first one of a stream
 */
public record DashboardSnapshot(
        long sequence,
        String trigger,
        Instant at,
        List<QueueStatistics.Snapshot> queues,
        List<AgentStatistics.Snapshot> agents,
        Map<AgentState, Integer> agentsByState) {}
