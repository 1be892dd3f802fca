package dev.liaison.routes.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationFailureAnalyzerTest {

    @Test
    void summaryKeepsFlywaysHeadlineAndTheDatabaseMessage() {
        String flyway =
                """
                Migration V2__broken.sql failed
                -------------------------------
                SQL State  : 42601
                Error Code : 0
                Message    : ERROR: syntax error at or near "THIS"
                  Position: 1
                Location   : /tmp/V2__broken.sql
                """;

        assertThat(MigrationFailureAnalyzer.summary(flyway))
                .isEqualTo("Migration V2__broken.sql failed: ERROR: syntax error at or near \"THIS\"");
    }

    @Test
    void summaryOfAValidationFailureKeepsItsFirstReason() {
        String flyway =
                """
                Validate failed: Migrations have failed validation
                Migration checksum mismatch for migration version 1
                -> Applied to database : 1200
                -> Resolved locally    : 1300
                """;

        assertThat(MigrationFailureAnalyzer.summary(flyway))
                .isEqualTo("Validate failed: Migrations have failed validation: Migration checksum mismatch for"
                        + " migration version 1");
    }

    @Test
    void summaryOfNothingSaysSo() {
        assertThat(MigrationFailureAnalyzer.summary(null)).isEqualTo("no detail given");
    }
}
