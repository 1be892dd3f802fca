package dev.liaison.palettes;

import dev.liaison.palettes.support.MutableTestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Boots every palettes feature, without the gateway, media or Camel, for the module's own integration tests. Time is
 * a {@link MutableTestClock} the tests move by hand, unless {@code liaison.test.clock=system}.
 */
@SpringBootApplication
public class PalettesTestApplication {

    @Bean
    @ConditionalOnProperty(name = "liaison.test.clock", havingValue = "mutable", matchIfMissing = true)
    MutableTestClock mutableTestClock() {
        return new MutableTestClock();
    }

    /** The application gets its registry from Actuator; palettes tests count into a simple one. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    @ConditionalOnProperty(name = "liaison.test.clock", havingValue = "system")
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
