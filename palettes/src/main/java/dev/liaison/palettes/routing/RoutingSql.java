package dev.liaison.palettes.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.liaison.palettes.agent.Agent;
import dev.liaison.palettes.agent.AgentState;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * statement per changed row; that was most of a pass (about five statements per offer). Here a page of tasks (with
 * the agents who declined each) or a chunk of agents (with their skills and occupancy) is one statement, and all the
 * offers of a pass are written with one statement (tasks, reservations, agents) whatever their number. Everything
 * else about tasks, offers and agents stays on the entities.
 *
 * <p>Rows are locked with {@code FOR UPDATE SKIP LOCKED} and read under that lock, so what a pass decides on is the
 * latest committed state of every row it holds. Arrays are bound as {@code text[]} and cast in SQL.
 */
@Component
class RoutingSql {

    /**
     * A page of waiting tasks, locked in a materialized step, each with the agents who already turned it down
     * (rejected it or let the offer expire), so that they are not offered it again.
     */
    private static final String WAITING = "WITH page AS MATERIALIZED ("
            + "SELECT id, correlation_id, channel, attributes, priority, workflow_id, queue_id, filter_name,"
            + " target_index, created_at FROM task WHERE status = 'PENDING' %s"
            + " ORDER BY priority DESC, created_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " SELECT p.id, p.correlation_id, p.channel, p.attributes::text, p.priority, p.workflow_id, p.queue_id,"
            + " p.filter_name, p.target_index, p.created_at,"
            + " ARRAY(SELECT r.agent_id::text FROM reservation r WHERE r.task_id = p.id"
            + " AND r.status IN ('REJECTED', 'TIMED_OUT'))"
            + " FROM page p ORDER BY p.priority DESC, p.created_at, p.id";

    private static final String WAITING_FIRST = WAITING.formatted("");

    private static final String WAITING_AFTER =
            WAITING.formatted("AND (priority < ? OR (priority = ? AND (created_at, id) > (?::timestamptz, ?::uuid)))");

    /**
     * Locks first, in a materialized step, then reads each locked agent's skills and occupancy: those reads run for
     * the agents taken, not for every routable agent before the sort and the limit.
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

    /**
     * All the offers of a pass in one statement: the tasks become RESERVED, the reservations are inserted, the
     * agents take their new state (an offered agent is ready, as the state machine allows an offer only when AVAILABLE
     * or BUSY: no reason). Returns how many rows each part wrote.
     */
    private static final String WRITE_OFFERS = "WITH offer AS (SELECT * FROM"
            + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS o(reservation_id, task_id, agent_id, queue_id, expires_at, explanation, agent_state,"
            + " agent_state_since)),"
            + " reserved AS (UPDATE task t SET status = 'RESERVED', version = t.version + 1 FROM offer o"
            + " WHERE t.id = o.task_id::uuid AND t.status = 'PENDING' RETURNING t.id),"
            + " inserted AS (INSERT INTO reservation"
            + " (id, task_id, agent_id, queue_id, status, created_at, expires_at, explanation)"
            + " SELECT o.reservation_id::uuid, o.task_id::uuid, o.agent_id::uuid, o.queue_id::uuid, 'PENDING',"
            + " ?::timestamptz, o.expires_at::timestamptz, o.explanation::jsonb FROM offer o RETURNING id),"
            + " offered AS (UPDATE agent a SET state = o.agent_state, state_reason = NULL,"
            + " state_since = o.agent_state_since::timestamptz, last_seen_at = ?::timestamptz,"
            + " version = a.version + 1 FROM offer o WHERE a.id = o.agent_id::uuid RETURNING a.id)"
            + " SELECT (SELECT count(*) FROM reserved), (SELECT count(*) FROM inserted), (SELECT count(*) FROM offered)";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> INTEGERS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> LONGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = JsonMapper.builder().build();

    RoutingSql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A waiting task as a pass sees it.
     *
     * @param declinedBy agents who already turned it down (rejected it or let the offer expire)
     */
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
            Instant createdAt,
            Set<UUID> declinedBy) {

        /** What target expressions see under {@code task.}, as {@link Task#routingAttributes()}. */
        Map<String, Object> routingAttributes() {
            return Task.routingAttributes(attributes, channel, priority);
        }
    }

    /**
     * A routable agent as a pass sees it.
     *
     * @param capacity tasks the agent may hold at once per channel
     * @param attributesJson the free-form attributes, read only for agents whose capacity admits a task (see {@link
     *     #routingAttributes})
     * @param skillsJson skill to proficiency, read likewise
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
            String attributesJson,
            String skillsJson,
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
                    PreparedStatement statement = connection.prepareStatement(WAITING_FIRST);
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

    /** What target expressions read of the agent, as {@link Agent#routingAttributes()}. */
    Map<String, Object> routingAttributes(RoutableAgent agent) {
        return Agent.routingAttributes(
                read(agent.attributesJson(), OBJECT), read(agent.skillsJson(), INTEGERS), agent.login());
    }

    /**
     * Writes a pass's offers in one statement: the tasks become RESERVED, the reservations are inserted, the agents
     * take their new state. The tasks and agents must be locked by this transaction (they were read with {@link
     * #lockWaiting} and {@link #lockRoutable}); the new rows take no other lock, so the lock order task, reservation,
     * agent holds.
     */
    void writeOffers(List<Offer> offers, Instant now) {
        if (offers.isEmpty()) {
            return;
        }
        List<int[]> counts = jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(WRITE_OFFERS);
                    statement.setArray(1, textArray(connection, offers, offer -> offer.reservationId()
                            .toString()));
                    statement.setArray(2, textArray(connection, offers, offer -> offer.task()
                            .id()
                            .toString()));
                    statement.setArray(3, textArray(connection, offers, offer -> offer.agent()
                            .id()
                            .toString()));
                    statement.setArray(4, textArray(connection, offers, offer -> offer.queue()
                            .getId()
                            .toString()));
                    statement.setArray(5, textArray(connection, offers, offer -> offer.expiresAt()
                            .toString()));
                    statement.setArray(6, textArray(connection, offers, offer -> write(offer.explanation())));
                    statement.setArray(7, textArray(connection, offers, offer -> offer.agentState()
                            .name()));
                    statement.setArray(8, textArray(connection, offers, offer -> offer.agentStateSince()
                            .toString()));
                    statement.setString(9, now.toString());
                    statement.setString(10, now.toString());
                    return statement;
                },
                (row, index) -> new int[] {row.getInt(1), row.getInt(2), row.getInt(3)});
        int[] written = counts.get(0);
        requireAll("tasks reserved", written[0], offers.size());
        requireAll("reservations inserted", written[1], offers.size());
        requireAll("agents offered", written[2], offers.size());
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
                instant(row, 10),
                uuids((String[]) row.getArray(11).getArray()));
    }

    private static Set<UUID> uuids(String[] values) {
        Set<UUID> ids = new HashSet<>();
        for (String value : values) {
            ids.add(UUID.fromString(value));
        }
        return ids;
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
                row.getString(8),
                row.getString(9),
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
