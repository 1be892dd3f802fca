package dev.liaison.palettes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final AddressFailures addresses = new AddressFailures(new SecurityProperties.SignIn(
            5, Duration.ofMinutes(15), Duration.ofMinutes(15), 3, Duration.ofMinutes(5), 100));

    @Test
    void anAddressThatFailedTheMaximumWaitsUntilItsWindowEnds() {
        addresses.failed("192.0.2.1", T0);
        addresses.failed("192.0.2.1", T0.plusSeconds(10));
        assertThat(addresses.blockedFor("192.0.2.1", T0.plusSeconds(11))).isEmpty();

        addresses.failed("192.0.2.1", T0.plusSeconds(20));

        assertThat(addresses.blockedFor("192.0.2.1", T0.plusSeconds(60))).contains(Duration.ofSeconds(240));
        assertThat(addresses.blockedFor("192.0.2.9", T0.plusSeconds(60)))
                .as("another address")
                .isEmpty();
        assertThat(addresses.blockedFor("192.0.2.1", T0.plus(Duration.ofMinutes(5))))
                .isEmpty();
        assertThat(addresses.tracked()).as("an ended window is forgotten").isZero();
    }

    @Test
    void atMostTheConfiguredNumberOfAddressesIsRemembered() {
        for (int i = 0; i < 250; i++) {
            addresses.failed("198.51.100." + i, T0);
        }

        assertThat(addresses.tracked()).isEqualTo(100);
    }
}
