package dev.liaison.palettes.routing;

import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentState;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Real-time statistics of one agent: state and time in it, current work, and today's handled contacts (UTC day). */
@Component
public class AgentStatistics {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    AgentStatistics(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param secondsInState how long the agent has been in {@code state}
     * @param activeTasks tasks accepted and not yet completed, by channel
     * @param offersToday offers made to the agent since midnight UTC
     * @param acceptedToday offers accepted
     * @param rejectedToday offers rejected
     * @param missedToday offers left to expire
     * @param completedToday tasks completed
     * @param averageHandleSeconds average time from accept to completion of today's completed tasks (null without)
     */
    public record Snapshot(
            UUID agentId,
            String login,
            AgentState state,
            String stateReason,
            long secondsInState,
            Map<String, Integer> activeTasks,
            int offersToday,
            int acceptedToday,
            int rejectedToday,
            int missedToday,
            int completedToday,
            Double averageHandleSeconds,
            Instant at) {}

    @Transactional(readOnly = true)
    public Snapshot of(Agent agent) {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("agent", agent.getId())
                .addValue("since", Timestamp.from(midnight));
        Map<String, Object> offers = jdbc.queryForMap(
                """
                SELECT count(*) AS offered,
                       count(*) FILTER (WHERE status = 'ACCEPTED') AS accepted,
                       count(*) FILTER (WHERE status = 'REJECTED') AS rejected,
                       count(*) FILTER (WHERE status = 'TIMED_OUT') AS missed
                  FROM reservation WHERE agent_id = :agent AND created_at >= :since
                """,
                parameters);
        Map<String, Object> handled = jdbc.queryForMap(
                """
                SELECT count(*) AS completed, avg(extract(epoch FROM ended_at - assigned_at)) AS handle
                  FROM task WHERE agent_id = :agent AND status = 'COMPLETED' AND ended_at >= :since
                """,
                parameters);
        Map<String, Integer> active = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT channel, count(*) AS tasks FROM task WHERE agent_id = :agent"
                        + " AND status IN ('ASSIGNED', 'WRAPPING') GROUP BY channel",
                parameters,
                row -> {
                    active.put(row.getString("channel"), row.getInt("tasks"));
                });
        return new Snapshot(
                agent.getId(),
                agent.getLogin(),
                agent.getState(),
                agent.getStateReason(),
                Math.max(0, Duration.between(agent.getStateSince(), now).toSeconds()),
                active,
                ((Number) offers.get("offered")).intValue(),
                ((Number) offers.get("accepted")).intValue(),
                ((Number) offers.get("rejected")).intValue(),
                ((Number) offers.get("missed")).intValue(),
                ((Number) handled.get("completed")).intValue(),
                handled.get("handle") == null ? null : ((Number) handled.get("handle")).doubleValue(),
                now);
    }
}
