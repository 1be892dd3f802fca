package dev.liaison.palettes.context;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives the palettes test application a clock the test moves. The palettes test application has no {@code Clock} bean
 * of its own; the context services then fall back to the system clock, which is what the other tests use.
 */
@TestConfiguration(proxyBeanMethods = false)
class MutableClockConfiguration {

    @Bean
    MutableTestClock clock() {
        return new MutableTestClock();
    }
}
