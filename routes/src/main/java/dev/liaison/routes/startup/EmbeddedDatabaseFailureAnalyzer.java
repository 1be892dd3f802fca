package dev.liaison.routes.startup;

import dev.liaison.routes.database.EmbeddedDatabaseStartException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the setting to change when the embedded PostgreSQL server cannot start. */
public class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseStartException cause) {
        return new FailureAnalysis(
                "Liaison could not start its embedded database: " + cause.getMessage(),
                "Set liaison.embedded-db.data-directory to a writable directory that no other Liaison uses,"
                        + " or set spring.datasource.url to use an external PostgreSQL.",
                cause);
    }
}
