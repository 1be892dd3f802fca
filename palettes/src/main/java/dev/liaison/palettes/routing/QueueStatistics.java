package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentRepository;
import dev.liaison.palettes.agent.AgentState;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Real-time statistics per queue: what waits, for how long, who could serve it and in which state they are, the
 * service level and handle time over the last 24 hours, and an estimate of the wait for a new arrival.
 */
@Component
public class QueueStatistics {

    /** The window of the service level and the average handle time. */
    static final Duration WINDOW = Duration.ofHours(24);

    private final NamedParameterJdbcTemplate jdbc;
    private final AgentRepository agents;
    private final ExpressionCache expressions;
    private final Clock clock;

    QueueStatistics(NamedParameterJdbcTemplate jdbc, AgentRepository agents, ExpressionCache expressions, Clock clock) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.expressions = expressions;
        this.clock = clock;
    }

    /**
     * @param waiting tasks waiting or being offered
     * @param longestWaitSeconds age of the oldest waiting task
     * @param agentsByState agents the queue's expression admits, by state
     * @param answered tasks of the window an agent accepted
     * @param abandoned tasks of the window canceled while waiting
     * @param serviceLevel share of answered and abandoned tasks of the window answered within the threshold (null when
     *     there were none)
     * @param averageHandleSeconds average time from accept to end of wrap-up over the window (null without data)
     * @param estimatedWaitSeconds estimate for a task arriving now: the queue ahead of it served by the staffed agents
     *     at the average handle time (null without handle-time data or staffed agents)
     */
    public record Snapshot(
            String queue,
            int waiting,
            long longestWaitSeconds,
            Map<AgentState, Integer> agentsByState,
            int answered,
            int abandoned,
            Double serviceLevel,
            Double averageHandleSeconds,
            Long estimatedWaitSeconds,
            int serviceLevelSeconds,
            Instant at) {}

    @Transactional(readOnly = true)
    public Snapshot of(TaskQueue queue) {
        Instant now = clock.instant();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("queue", queue.getId())
                .addValue("since", Timestamp.from(now.minus(WINDOW)))
                .addValue("threshold", queue.getServiceLevelSeconds());
        Map<String, Object> row = jdbc.queryForMap(
                """
                SELECT count(*) FILTER (WHERE status IN ('PENDING', 'RESERVED')) AS waiting,
                       min(created_at) FILTER (WHERE status IN ('PENDING', 'RESERVED')) AS oldest,
                       count(*) FILTER (WHERE created_at >= :since AND assigned_at IS NOT NULL) AS answered,
                       count(*) FILTER (WHERE created_at >= :since AND assigned_at IS NOT NULL
                                        AND assigned_at <= created_at + make_interval(secs => :threshold))
                           AS answered_in_time,
                       count(*) FILTER (WHERE created_at >= :since AND status = 'CANCELED' AND assigned_at IS NULL)
                           AS abandoned,
                       avg(extract(epoch FROM ended_at - assigned_at))
                           FILTER (WHERE status = 'COMPLETED' AND ended_at >= :since AND assigned_at IS NOT NULL)
                           AS handle
                  FROM task
                 WHERE queue_id = :queue
                """,
                parameters);
        int waiting = ((Number) row.get("waiting")).intValue();
        Timestamp oldest = (Timestamp) row.get("oldest");
        long longest = oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
        int answered = ((Number) row.get("answered")).intValue();
        int inTime = ((Number) row.get("answered_in_time")).intValue();
        int abandoned = ((Number) row.get("abandoned")).intValue();
        Double serviceLevel = answered + abandoned == 0 ? null : (double) inTime / (answered + abandoned);
        Double handle = row.get("handle") == null ? null : ((Number) row.get("handle")).doubleValue();

        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            byState.put(state, 0);
        }
        var expression = expressions.get(queue.getTargetExpression());
        List<Agent> all = agents.findAll();
        for (Agent agent : all) {
            if (expression.matches(agent.routingAttributes(), Map.of())) {
                byState.merge(agent.getState(), 1, Integer::sum);
            }
        }
        int staffed = byState.get(AgentState.AVAILABLE)
                + byState.get(AgentState.BUSY)
                + byState.get(AgentState.RESERVED)
                + byState.get(AgentState.WRAP_UP);
        Long estimate = handle == null || staffed == 0 ? null : Math.round((waiting + 1) * handle / staffed);
        return new Snapshot(
                queue.getName(),
                waiting,
                longest,
                byState,
                answered,
                abandoned,
                serviceLevel,
                handle,
                estimate,
                queue.getServiceLevelSeconds(),
                now);
    }
}
