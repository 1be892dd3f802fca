package dev.liaison.routes.support;

import dev.liaison.testsupport.postgres.PostgresTestDatabaseInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Boots the whole application on a random HTTP port against a fresh database on the shared test PostgreSQL. Test
 * classes with the same configuration share one running application. Metrics export is on, as in production. The
 * SIP trunk and the media port listen on ephemeral ports on loopback. No user exists until a test creates one
 * ({@link ApiUsers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "liaison.sip.port=0",
            "liaison.sip.bind-address=127.0.0.1",
            "liaison.media.mux.port=0",
            "liaison.media.mux.bind-address=127.0.0.1",
            // bcrypt's cheapest cost: tests sign in on every call, and what they check does not depend on it
            "liaison.security.password-hash-strength=4"
        })
@ContextConfiguration(initializers = PostgresTestDatabaseInitializer.class)
public @interface LiaisonIntegrationTest {}
