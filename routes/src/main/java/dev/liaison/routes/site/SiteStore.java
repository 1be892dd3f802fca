package dev.liaison.routes.site;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer sites in PostgreSQL ({@code customer_site}, migration V7). Filled once per database from {@code
 * liaison.sites.*} ({@link #seedFrom}); afterwards admins change them through the REST API. Read on every token
 * request, so every node sees a change at once.
 */
class SiteStore implements SiteLookup {

    static final String SEED = "sites";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SiteStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Copies the configured sites into an empty store, once per database; whether it did. */
    boolean seedFrom(SitesProperties configured) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int claimed = jdbc.update(
                    "INSERT INTO configuration_seed (what, seeded_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    SEED,
                    Timestamp.from(clock.instant()));
            if (claimed == 0) {
                return false;
            }
            configured.sites().forEach(this::insertIfAbsent);
            return true;
        }));
    }

    @Override
    public Optional<SitesProperties.Site> site(String name) {
        return jdbc
                .query(
                        "SELECT allowed_origins, destinations, token_ttl_seconds FROM customer_site WHERE name = ?",
                        (row, n) -> site(row),
                        name)
                .stream()
                .findFirst();
    }

    /** Every site, by name. */
    Map<String, SitesProperties.Site> all() {
        Map<String, SitesProperties.Site> sites = new LinkedHashMap<>();
        jdbc.query(
                "SELECT name, allowed_origins, destinations, token_ttl_seconds FROM customer_site ORDER BY name",
                row -> {
                    sites.put(row.getString("name"), site(row));
                });
        return sites;
    }

    /** Creates or replaces the site; whether it was new. */
    boolean put(String name, SitesProperties.Site site) {
        int updated = jdbc.update(
                "UPDATE customer_site SET allowed_origins = ?, destinations = ?, token_ttl_seconds = ?, updated_at = ?"
                        + " WHERE name = ?",
                ps -> {
                    ps.setArray(
                            1,
                            ps.getConnection()
                                    .createArrayOf("text", site.allowedOrigins().toArray()));
                    ps.setArray(
                            2,
                            ps.getConnection()
                                    .createArrayOf("text", site.destinations().toArray()));
                    ps.setInt(3, (int) site.tokenTtl().toSeconds());
                    ps.setTimestamp(4, Timestamp.from(clock.instant()));
                    ps.setString(5, name);
                });
        if (updated == 1) {
            return false;
        }
        insertIfAbsent(name, site);
        return true;
    }

    /** Deletes the site; whether there was one. */
    boolean delete(String name) {
        return jdbc.update("DELETE FROM customer_site WHERE name = ?", name) == 1;
    }

    private void insertIfAbsent(String name, SitesProperties.Site site) {
        jdbc.update(
                "INSERT INTO customer_site (name, allowed_origins, destinations, token_ttl_seconds, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                ps -> {
                    ps.setString(1, name);
                    ps.setArray(
                            2,
                            ps.getConnection()
                                    .createArrayOf("text", site.allowedOrigins().toArray()));
                    ps.setArray(
                            3,
                            ps.getConnection()
                                    .createArrayOf("text", site.destinations().toArray()));
                    ps.setInt(4, (int) site.tokenTtl().toSeconds());
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                });
    }

    private static SitesProperties.Site site(ResultSet row) throws SQLException {
        return new SitesProperties.Site(
                strings(row.getArray("allowed_origins")),
                strings(row.getArray("destinations")),
                Duration.ofSeconds(row.getInt("token_ttl_seconds")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
