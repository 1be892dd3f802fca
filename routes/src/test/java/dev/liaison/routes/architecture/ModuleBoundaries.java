package dev.liaison.routes.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The module map of docs/architecture.md as rules: gateway, media and the CTI adapters know neither each other nor
 * palettes; nothing below routes knows routes. They meet only in Camel routes.
 */
final class ModuleBoundaries {

    static final String GATEWAY = "dev.liaison.gateway..";
    static final String MEDIA = "dev.liaison.media..";
    static final String CTI = "dev.liaison.cti..";
    static final String PALETTES = "dev.liaison.palettes..";
    static final String ROUTES = "dev.liaison.routes..";

    private ModuleBoundaries() {}

    static final ArchRule RULES = CompositeArchRule.of(independent(GATEWAY, MEDIA, CTI, PALETTES, ROUTES))
            .and(independent(MEDIA, GATEWAY, CTI, PALETTES, ROUTES))
            .and(independent(CTI, GATEWAY, MEDIA, PALETTES, ROUTES))
            .and(noClasses()
                    .that()
                    .resideInAPackage(PALETTES)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(ROUTES)
                    .as("palettes does not depend on routes")
                    .allowEmptyShould(true))
            .as("Liaison module boundaries");

    private static ArchRule independent(String module, String... others) {
        return noClasses()
                .that()
                .resideInAPackage(module)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .as(module + " depends on none of " + String.join(", ", others))
                .allowEmptyShould(true);
    }
}
