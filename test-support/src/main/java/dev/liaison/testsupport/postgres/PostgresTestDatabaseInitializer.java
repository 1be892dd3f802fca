package dev.liaison.testsupport.postgres;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a new empty database on the shared test PostgreSQL server:
 * {@code @ContextConfiguration(initializers = PostgresTestDatabaseInitializer.class)}. Contexts that Spring caches
 * keep their database for the whole test run.
 */
public class PostgresTestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestPostgres.newDatabase();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "liaisonTestDatabase",
                        Map.of(
                                "spring.datasource.url", database.jdbcUrl(),
                                "spring.datasource.username", database.username(),
                                "spring.datasource.password", database.password())));
    }
}
