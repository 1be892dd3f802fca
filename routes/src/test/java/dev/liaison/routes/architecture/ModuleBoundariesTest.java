package dev.liaison.routes.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.liaison.gateway.fixture.GatewayReachingIntoPalettes;
import dev.liaison.palettes.fixture.QueueFixture;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    @Test
    void productionCodeKeepsTheModuleBoundaries() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.liaison");
        // The modules arrive as jars when Maven runs the reactor, as class folders in an IDE: include both.
        JavaClasses all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.liaison");

        assertThat(all.size()).isGreaterThanOrEqualTo(production.size());
        assertThat(all.contain("dev.liaison.routes.LiaisonApplication")).isTrue();
        ModuleBoundaries.RULES.check(all);
    }

    @Test
    void aGatewayClassThatUsesPalettesBreaksTheRules() {
        JavaClasses fixture =
                new ClassFileImporter().importClasses(GatewayReachingIntoPalettes.class, QueueFixture.class);

        EvaluationResult result = ModuleBoundaries.RULES.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("GatewayReachingIntoPalettes")
                .contains("QueueFixture");
    }
}
