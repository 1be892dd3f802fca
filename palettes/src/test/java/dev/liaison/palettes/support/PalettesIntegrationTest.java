package dev.liaison.palettes.support;

import dev.liaison.palettes.PalettesTestApplication;
import dev.liaison.testsupport.postgres.PostgresTestDatabaseInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Boots the palettes features on a random HTTP port against a fresh database on the shared test PostgreSQL, with the
 * real Flyway migrations. Test classes with the same configuration share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PalettesTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabaseInitializer.class)
public @interface PalettesIntegrationTest {}
