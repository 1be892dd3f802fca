package dev.liaison.palettes.context;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends many timeline events in one statement that locks their interactions and inserts the rows. Plain SQL because
 * the entity way costs two round trips per event (the lock, then the insert, which an identity key keeps out of JDBC
 * batches); a routing pass writes one event per offer, up to thousands. Runs on the caller's transaction (the JPA
 * transaction manager shares its connection with {@link JdbcTemplate}).
 */
@Component
class TimelineBatchInsert {

    /**
     * Locks the interactions in correlation ID order (so that two writers never wait for each other in a circle), then
     * inserts the rows in the order given: an event's id is drawn once its interaction is locked, as {@link
     * TimelineService#append} does, so the events of one correlation get ids in commit order. Returns how many
     * interactions were locked and how many rows were inserted (rows of a missing interaction are not).
     */
    private static final String INSERT = "WITH locked AS MATERIALIZED (SELECT correlation_id FROM interaction"
            + " WHERE correlation_id = ANY (?::uuid[]) ORDER BY correlation_id FOR UPDATE),"
            + " inserted AS (INSERT INTO timeline_event (correlation_id, occurred_at, type, actor, summary, details)"
            + " SELECT l.correlation_id, ?::timestamptz, e.type, e.actor, e.summary, e.details::jsonb"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " WITH ORDINALITY AS e(correlation_id, type, actor, summary, details, position)"
            + " JOIN locked l ON l.correlation_id = e.correlation_id::uuid"
            + " ORDER BY e.position RETURNING id)"
            + " SELECT (SELECT count(*) FROM locked), (SELECT count(*) FROM inserted)";

    /** One validated event, its details already JSON text. */
    record Row(UUID correlationId, String type, String actor, String summary, String detailsJson) {}

    /** What {@link #insert} did: interactions locked, rows inserted. */
    record Written(int interactions, int rows) {}

    private final JdbcTemplate jdbc;

    TimelineBatchInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the interactions of the rows and inserts the rows, in order, all with the time {@code occurredAt}. */
    Written insert(List<Row> rows, Instant occurredAt) {
        String[] interactions =
                rows.stream().map(r -> r.correlationId().toString()).distinct().toArray(String[]::new);
        return jdbc.query(
                        connection -> {
                            var statement = connection.prepareStatement(INSERT);
                            statement.setArray(1, text(connection, interactions));
                            statement.setString(2, occurredAt.toString());
                            statement.setArray(3, text(connection, rows.stream().map(r -> r.correlationId()
                                    .toString())));
                            statement.setArray(4, text(connection, rows.stream().map(Row::type)));
                            statement.setArray(5, text(connection, rows.stream().map(Row::actor)));
                            statement.setArray(6, text(connection, rows.stream().map(Row::summary)));
                            statement.setArray(7, text(connection, rows.stream().map(Row::detailsJson)));
                            return statement;
                        },
                        (row, index) -> new Written(row.getInt(1), row.getInt(2)))
                .get(0);
    }

    /** Which of these interactions exist (to name a missing one). */
    List<UUID> existing(Collection<UUID> correlationIds) {
        String[] ids = correlationIds.stream().map(UUID::toString).toArray(String[]::new);
        return jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "SELECT correlation_id FROM interaction WHERE correlation_id = ANY (?::uuid[])");
                    statement.setArray(1, text(connection, ids));
                    return statement;
                },
                (resultSet, row) -> resultSet.getObject(1, UUID.class));
    }

    private static Array text(Connection connection, java.util.stream.Stream<String> values) throws SQLException {
        return text(connection, values.toArray(String[]::new));
    }

    private static Array text(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }
}
