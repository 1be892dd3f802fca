package dev.liaison.palettes.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The failed sign-ins of users, in {@code sign_in_failure} (one row per user who failed since their last success),
 * shared by every node. A failure is counted under the row's lock, so two nodes counting at once lose nothing.
 */
@Component
class SignInFailureStore {

    private final JdbcTemplate jdbc;
    private final LockoutPolicy policy;

    SignInFailureStore(JdbcTemplate jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.policy = new LockoutPolicy(properties.signIn());
    }

    /** A user's record, when they failed since their last success. */
    @Transactional(readOnly = true)
    public Optional<FailedSignIns> find(UUID userId) {
        List<FailedSignIns> rows = jdbc.query(
                "SELECT failures, first_failure_at, last_failure_at, locked_until FROM sign_in_failure WHERE user_id = ?",
                SignInFailureStore::row,
                userId);
        return rows.stream().findFirst();
    }

    /**
     * Counts one wrong password for {@code username}, if such a user exists.
     *
     * @return the user and its record after this failure; empty for a name no user has
     */
    @Transactional
    public Optional<Counted> failed(String username, Instant now) {
        List<UUID> ids = jdbc.queryForList("SELECT id FROM user_account WHERE username = ?", UUID.class, username);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        UUID id = ids.get(0);
        FailedSignIns first = policy.failed(null, now);
        int inserted = jdbc.update(
                "INSERT INTO sign_in_failure (user_id, failures, first_failure_at, last_failure_at, locked_until)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING",
                id,
                first.failures(),
                Timestamp.from(first.firstFailureAt()),
                Timestamp.from(first.lastFailureAt()),
                timestamp(first.lockedUntil()));
        if (inserted == 1) {
            return Optional.of(new Counted(id, null, first));
        }
        FailedSignIns before = jdbc.queryForObject(
                "SELECT failures, first_failure_at, last_failure_at, locked_until FROM sign_in_failure"
                        + " WHERE user_id = ? FOR UPDATE",
                SignInFailureStore::row,
                id);
        FailedSignIns after = policy.failed(before, now);
        jdbc.update(
                "UPDATE sign_in_failure SET failures = ?, first_failure_at = ?, last_failure_at = ?, locked_until = ?"
                        + " WHERE user_id = ?",
                after.failures(),
                Timestamp.from(after.firstFailureAt()),
                Timestamp.from(after.lastFailureAt()),
                timestamp(after.lockedUntil()),
                id);
        return Optional.of(new Counted(id, before, after));
    }

    /** Forgets a user's failures: a successful sign-in, an admin's unlock or a new password. */
    @Transactional
    public boolean clear(UUID userId) {
        return jdbc.update("DELETE FROM sign_in_failure WHERE user_id = ?", userId) > 0;
    }

    /** Users locked at {@code now}, with the end of their lockout. */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> locked(Instant now) {
        Map<UUID, Instant> locked = new HashMap<>();
        jdbc.query(
                "SELECT user_id, locked_until FROM sign_in_failure WHERE locked_until > ?",
                rs -> {
                    locked.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                },
                Timestamp.from(now));
        return locked;
    }

    /** One counted failure: the record before (null: none) and after it. */
    record Counted(UUID userId, FailedSignIns before, FailedSignIns after) {

        /** This failure locked the user. */
        boolean locked() {
            return after.lockedUntil() != null
                    && (before == null || !after.lockedUntil().equals(before.lockedUntil()));
        }
    }

    private static FailedSignIns row(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp(4);
        return new FailedSignIns(
                rs.getInt(1),
                rs.getTimestamp(2).toInstant(),
                rs.getTimestamp(3).toInstant(),
                locked == null ? null : locked.toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
