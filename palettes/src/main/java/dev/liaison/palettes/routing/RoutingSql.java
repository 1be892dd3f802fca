package dev.liaison.palettes.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.liaison.palettes.agent.AgentState;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The routing pass's reads and writes, in plain SQL on the pass's transaction (the JPA transaction manager shares its
 * connection with {@link JdbcTemplate}).
 *
 * <p>Why not entities here: one pass looks at up to thousands of waiting tasks and routable agents and writes an offer
 * for each match. Loaded as entities they cost a snapshot each, a dirty check at commit, and one update or insert
 * statement per changed row; that was most of a pass. Here a page of tasks or a chunk of agents (with their skills
 * and occupancy) is one statement, and all the offers of a pass are written with three statements (reservations,
 * tasks, agents) whatever their number. Everything else about tasks, offers and agents stays on the entities.
 *
 * <p>Rows are locked with {@code FOR UPDATE SKIP LOCKED} and read under that lock, so what a pass decides on is the
 * latest committed state of every row it holds. Arrays are bound as {@code text[]} and cast in SQL.
 */
@Component
class RoutingSql {

    private static final String TASK_COLUMNS = "SELECT id, correlation_id, channel, attributes::text, priority,"
            + " workflow_id, queue_id, filter_name, target_index, created_at FROM task WHERE status = 'PENDING'";

    private static final String TASK_ORDER = " ORDER BY priority DESC, created_at, id LIMIT ? FOR UPDATE SKIP LOCKED";

    private static final String WAITING = TASK_COLUMNS + TASK_ORDER;

    private static final String WAITING_AFTER = TASK_COLUMNS
            + " AND (priority < ? OR (priority = ? AND (created_at, id) > (?::timestamptz, ?::uuid)))" + TASK_ORDER;

    /**
     * Locks first, in a materialized step, then reads each locked agent's skills and occupancy: the lateral reads run
     * for the agents taken, not for every routable agent before the sort and the limit.
     */
    private static final String ROUTABLE = "WITH locked AS MATERIALIZED ("
            + "SELECT id, login, display_name, state, state_since, idle_since, capacity, attributes FROM agent"
            + " WHERE state IN ('AVAILABLE', 'BUSY') %s ORDER BY idle_since, id LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " SELECT l.id, l.login, l.display_name, l.state, l.state_since, l.idle_since, l.capacity::text,"
            + " l.attributes::text,"
            + " (SELECT coalesce(jsonb_object_agg(s.skill, s.proficiency), '{}'::jsonb) FROM agent_skill s"
            + " WHERE s.agent_id = l.id)::text,"
            + " (SELECT coalesce(jsonb_object_agg(o.channel, o.tasks), '{}'::jsonb) FROM (SELECT t.channel, count(*)"
            + " AS tasks FROM task t WHERE t.agent_id = l.id AND t.status IN ('ASSIGNED', 'WRAPPING')"
            + " GROUP BY t.channel) o)::text"
            + " FROM locked l ORDER BY l.idle_since, l.id";

    private static final String ROUTABLE_FIRST = ROUTABLE.formatted("");

    private static final String ROUTABLE_AFTER = ROUTABLE.formatted("AND (idle_since, id) > (?::timestamptz, ?::uuid)");

    private static final String DECLINED = "SELECT task_id, agent_id FROM reservation"
            + " WHERE task_id = ANY (?::uuid[]) AND status IN ('REJECTED', 'TIMED_OUT')";

    private static final String RESERVE_TASKS = "UPDATE task SET status = 'RESERVED', version = version + 1"
            + " WHERE id = ANY (?::uuid[]) AND status = 'PENDING'";

    private static final String INSERT_RESERVATIONS = "INSERT INTO reservation"
            + " (id, task_id, agent_id, queue_id, status, created_at, expires_at, explanation)"
            + " SELECT r.id::uuid, r.task_id::uuid, r.agent_id::uuid, r.queue_id::uuid, 'PENDING', ?::timestamptz,"
            + " r.expires_at::timestamptz, r.explanation::jsonb"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS r(id, task_id, agent_id, queue_id, expires_at, explanation)";

    /** An offered agent is ready (the state machine allows an offer only when AVAILABLE or BUSY): no reason. */
    private static final String OFFER_AGENTS = "UPDATE agent a SET state = u.state, state_reason = NULL,"
            + " state_since = u.state_since::timestamptz, last_seen_at = ?::timestamptz, version = a.version + 1"
            + " FROM unnest(?::text[], ?::text[], ?::text[]) AS u(id, state, state_since) WHERE a.id = u.id::uuid";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> INTEGERS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> LONGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = JsonMapper.builder().build();

    RoutingSql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A waiting task as a pass sees it. */
    record WaitingTask(
            UUID id,
            UUID correlationId,
            String channel,
            Map<String, Object> attributes,
            int priority,
            UUID workflowId,
            UUID queueId,
            String filterName,
            int targetIndex,
            Instant createdAt) {

        /** What target expressions see under {@code task.}, as {@link Task#routingAttributes()}. */
        Map<String, Object> routingAttributes() {
            return Task.routingAttributes(attributes, channel, priority);
        }
    }

    /**
     * A routable agent as a pass sees it.
     *
     * @param capacity tasks the agent may hold at once per channel
     * @param occupancy tasks the agent holds now (assigned or in wrap-up) per channel
     */
    record RoutableAgent(
            UUID id,
            String login,
            String displayName,
            AgentState state,
            Instant stateSince,
            Instant idleSince,
            Map<String, Integer> capacity,
            Map<String, Object> attributes,
            Map<String, Integer> skills,
            Map<String, Long> occupancy) {

        int capacityFor(String channel) {
            return capacity.getOrDefault(channel, 0);
        }

        long held(String channel) {
            return occupancy.getOrDefault(channel, 0L);
        }

        /** Tasks held on every channel together. */
        int active() {
            return (int) occupancy.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One offer a pass made.
     *
     * @param agentState the agent's state once the offer is made
     * @param agentStateSince since when the agent is in that state
     */
    record Offer(
            UUID reservationId,
            WaitingTask task,
            RoutableAgent agent,
            TaskQueue queue,
            Instant expiresAt,
            Map<String, Object> explanation,
            AgentState agentState,
            Instant agentStateSince) {}

    /** The first waiting tasks in routing order (highest priority, then oldest), locked; others' locked ones skipped. */
    List<WaitingTask> lockWaiting(int limit) {
        return jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(WAITING);
                    statement.setInt(1, limit);
                    return statement;
                },
                this::waitingTask);
    }

    /** The next page of {@link #lockWaiting}, after {@code last}. */
    List<WaitingTask> lockWaitingAfter(WaitingTask last, int limit) {
        return jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(WAITING_AFTER);
                    statement.setInt(1, last.priority());
                    statement.setInt(2, last.priority());
                    statement.setString(3, last.createdAt().toString());
                    statement.setString(4, last.id().toString());
                    statement.setInt(5, limit);
                    return statement;
                },
                this::waitingTask);
    }

    /**
     * Locks the next routable agents (AVAILABLE or BUSY) in idle order, longest idle first, after {@code last} (null
     * for the first ones), with their skills and what they hold; agents another transaction holds are skipped.
     */
    List<RoutableAgent> lockRoutable(RoutableAgent last, int limit) {
        return jdbc.query(
                connection -> {
                    PreparedStatement statement;
                    if (last == null) {
                        statement = connection.prepareStatement(ROUTABLE_FIRST);
                        statement.setInt(1, limit);
                    } else {
                        statement = connection.prepareStatement(ROUTABLE_AFTER);
                        statement.setString(1, last.idleSince().toString());
                        statement.setString(2, last.id().toString());
                        statement.setInt(3, limit);
                    }
                    return statement;
                },
                this::routableAgent);
    }

    /** Pairs of (task, agent) where the agent already turned the task down (rejected, or let the offer expire). */
    List<Map.Entry<UUID, UUID>> declined(Collection<UUID> taskIds) {
        return jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(DECLINED);
                    statement.setArray(1, textArray(connection, taskIds, UUID::toString));
                    return statement;
                },
                (row, index) -> Map.entry(row.getObject(1, UUID.class), row.getObject(2, UUID.class)));
    }

    /**
     * Writes a pass's offers: the tasks become RESERVED, the reservations are inserted, the agents take their new
     * state. The tasks and agents must be locked by this transaction (they were read with {@link #lockWaiting} and
     * {@link #lockRoutable}); the new rows take no other lock, so the lock order task, reservation, agent holds.
     */
    void writeOffers(List<Offer> offers, Instant now) {
        if (offers.isEmpty()) {
            return;
        }
        int reserved = jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(RESERVE_TASKS);
            statement.setArray(
                    1, textArray(connection, offers, offer -> offer.task().id().toString()));
            return statement;
        });
        requireAll("tasks reserved", reserved, offers.size());
        int inserted = jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT_RESERVATIONS);
            statement.setString(1, now.toString());
            statement.setArray(2, textArray(connection, offers, offer -> offer.reservationId()
                    .toString()));
            statement.setArray(
                    3, textArray(connection, offers, offer -> offer.task().id().toString()));
            statement.setArray(
                    4, textArray(connection, offers, offer -> offer.agent().id().toString()));
            statement.setArray(
                    5,
                    textArray(connection, offers, offer -> offer.queue().getId().toString()));
            statement.setArray(
                    6, textArray(connection, offers, offer -> offer.expiresAt().toString()));
            statement.setArray(7, textArray(connection, offers, offer -> write(offer.explanation())));
            return statement;
        });
        requireAll("reservations inserted", inserted, offers.size());
        int agents = jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(OFFER_AGENTS);
            statement.setString(1, now.toString());
            statement.setArray(
                    2, textArray(connection, offers, offer -> offer.agent().id().toString()));
            statement.setArray(
                    3, textArray(connection, offers, offer -> offer.agentState().name()));
            statement.setArray(4, textArray(connection, offers, offer -> offer.agentStateSince()
                    .toString()));
            return statement;
        });
        requireAll("agents offered", agents, offers.size());
    }

    /** A row count short of the offers means a row changed under a lock this pass holds: nothing is written. */
    private static void requireAll(String what, int count, int expected) {
        if (count != expected) {
            throw new IllegalStateException(what + ": " + count + " of " + expected);
        }
    }

    private WaitingTask waitingTask(ResultSet row, int index) throws SQLException {
        return new WaitingTask(
                row.getObject(1, UUID.class),
                row.getObject(2, UUID.class),
                row.getString(3),
                read(row.getString(4), OBJECT),
                row.getInt(5),
                row.getObject(6, UUID.class),
                row.getObject(7, UUID.class),
                row.getString(8),
                row.getInt(9),
                instant(row, 10));
    }

    private RoutableAgent routableAgent(ResultSet row, int index) throws SQLException {
        return new RoutableAgent(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                AgentState.valueOf(row.getString(4)),
                instant(row, 5),
                instant(row, 6),
                read(row.getString(7), INTEGERS),
                read(row.getString(8), OBJECT),
                read(row.getString(9), INTEGERS),
                read(row.getString(10), LONGS));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("explanation cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> Array textArray(Connection connection, Collection<T> values, Function<T, String> text)
            throws SQLException {
        return connection.createArrayOf("text", values.stream().map(text).toArray(String[]::new));
    }
}
