package dev.liaison.routes.call;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dial plan in PostgreSQL ({@code dial_plan_destination}, migration V7). Filled once per database from {@code
 * liaison.dial-plan.destinations} ({@link #seedFrom}); afterwards admins change it through the REST API. Read on every
 * call, so every node sees a change at once.
 */
public class DialPlanStore {

    static final String SEED = "dial-plan";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DialPlanStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Copies the configured destinations into an empty store, once per database; whether it did. */
    boolean seedFrom(DialPlanProperties configured) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int claimed = jdbc.update(
                    "INSERT INTO configuration_seed (what, seeded_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    SEED,
                    Timestamp.from(clock.instant()));
            if (claimed == 0) {
                return false;
            }
            configured
                    .destinations()
                    .forEach((name, target) -> jdbc.update(
                            "INSERT INTO dial_plan_destination (name, target, updated_at) VALUES (?, ?, ?)"
                                    + " ON CONFLICT (name) DO NOTHING",
                            name,
                            target,
                            Timestamp.from(clock.instant())));
            return true;
        }));
    }

    /** Where a call to {@code name} goes, if the dial plan has it. */
    public Optional<String> target(String name) {
        return jdbc.queryForList("SELECT target FROM dial_plan_destination WHERE name = ?", String.class, name).stream()
                .findFirst();
    }

    /** Every destination, by name. */
    public Map<String, String> all() {
        Map<String, String> destinations = new LinkedHashMap<>();
        jdbc.query("SELECT name, target FROM dial_plan_destination ORDER BY name", row -> {
            destinations.put(row.getString("name"), row.getString("target"));
        });
        return destinations;
    }

    /** Creates or replaces a destination; whether it was new. */
    boolean put(String name, String target) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE dial_plan_destination SET target = ?, updated_at = ? WHERE name = ?", target, now, name)
                == 1) {
            return false;
        }
        jdbc.update(
                "INSERT INTO dial_plan_destination (name, target, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET target = EXCLUDED.target, updated_at = EXCLUDED.updated_at",
                name,
                target,
                now);
        return true;
    }

    /** The sites whose customers may call {@code name}. */
    java.util.List<String> sitesCalling(String name) {
        return jdbc.queryForList(
                "SELECT name FROM customer_site WHERE ? = ANY (destinations) ORDER BY name", String.class, name);
    }

    /** Deletes a destination; whether there was one. */
    boolean delete(String name) {
        return jdbc.update("DELETE FROM dial_plan_destination WHERE name = ?", name) == 1;
    }
}
