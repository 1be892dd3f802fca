package dev.liaison.palettes.callback;

import dev.liaison.palettes.support.PalettesIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The callback tests' shared context: routing driven by hand on the test clock, and db-scheduler (which reads the
 * same clock) polling every second, so a due execution runs within about a second of the test moving the clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PalettesIntegrationTest
@TestPropertySource(properties = {"liaison.acd.loop-enabled=false", "db-scheduler.polling-interval=1s"})
@interface CallbackIntegrationTest {}
