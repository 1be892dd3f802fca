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
 * Appends many timeline events in two statements: one locking their interactions, one inserting the rows. Plain SQL
 * because the entity way costs two round trips per event (the lock, then the insert, which an identity key keeps out
 * of JDBC batches); a routing pass writes one event per offer, up to thousands. Runs on the caller's transaction
 * (the JPA transaction manager shares its connection with {@link JdbcTemplate}).
 */
@Component
class TimelineBatchInsert {

    /** Locks the interactions in correlation ID order, so that two writers never wait for each other in a circle. */
    private static final String LOCK_INTERACTIONS = "SELECT correlation_id FROM interaction"
            + " WHERE correlation_id = ANY (?::uuid[]) ORDER BY correlation_id FOR UPDATE";

    /** Rows keep the order given (identity ids are drawn in that order). */
    private static final String INSERT = "INSERT INTO timeline_event"
            + " (correlation_id, occurred_at, type, actor, summary, details)"
            + " SELECT e.correlation_id::uuid, ?::timestamptz, e.type, e.actor, e.summary, e.details::jsonb"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " WITH ORDINALITY AS e(correlation_id, type, actor, summary, details, position)"
            + " ORDER BY e.position";

    /** One validated event, its details already JSON text. */
    record Row(UUID correlationId, String type, String actor, String summary, String detailsJson) {}

    private final JdbcTemplate jdbc;

    TimelineBatchInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the interactions of {@code correlationIds} until the transaction ends.
     *
     * @return the correlation IDs that exist
     */
    List<UUID> lock(Collection<UUID> correlationIds) {
        String[] ids = correlationIds.stream().distinct().map(UUID::toString).toArray(String[]::new);
        return jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(LOCK_INTERACTIONS);
                    statement.setArray(1, text(connection, ids));
                    return statement;
                },
                (resultSet, row) -> resultSet.getObject(1, UUID.class));
    }

    /** Inserts the rows, in order, all with the time {@code occurredAt}. */
    void insert(List<Row> rows, Instant occurredAt) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(INSERT);
            statement.setString(1, occurredAt.toString());
            statement.setArray(
                    2, text(connection, rows.stream().map(r -> r.correlationId().toString())));
            statement.setArray(3, text(connection, rows.stream().map(Row::type)));
            statement.setArray(4, text(connection, rows.stream().map(Row::actor)));
            statement.setArray(5, text(connection, rows.stream().map(Row::summary)));
            statement.setArray(6, text(connection, rows.stream().map(Row::detailsJson)));
            return statement;
        });
    }

    private static Array text(Connection connection, java.util.stream.Stream<String> values) throws SQLException {
        return text(connection, values.toArray(String[]::new));
    }

    private static Array text(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }
}
