package dev.liaison.routes.startup;

import dev.liaison.routes.database.DatabaseUnreachableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the setting to change when the configured PostgreSQL server cannot be reached. */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(
                "Liaison " + cause.getMessage(),
                "Check spring.datasource.url, spring.datasource.username and spring.datasource.password,"
                        + " or remove spring.datasource.url to use the embedded database.",
                cause);
    }
}
