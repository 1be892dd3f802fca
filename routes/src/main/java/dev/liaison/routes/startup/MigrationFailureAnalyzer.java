package dev.liaison.routes.startup;

import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed or inconsistent schema migration in one line. PostgreSQL runs each migration in a transaction, so
 * a failed migration leaves the schema at the version before it.
 */
public class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<FlywayException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayException cause) {
        return new FailureAnalysis(
                "Liaison could not migrate its database schema: " + summary(cause.getMessage()),
                "Fix the named migration in spring.flyway.locations (db/migrations in the source tree);"
                        + " the failed migration was rolled back and the schema is unchanged.",
                cause);
    }

    /** Flyway's messages are tables over several lines; keep the headline and the database's own message. */
    static String summary(String message) {
        if (message == null || message.isBlank()) {
            return "no detail given";
        }
        List<String> lines = message.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("---"))
                .toList();
        String headline = lines.get(0);
        String detail = lines.stream()
                .filter(line -> line.startsWith("Message"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst()
                .orElse(lines.size() > 1 ? lines.get(1) : "");
        return detail.isEmpty() ? headline : headline + ": " + detail;
    }
}
