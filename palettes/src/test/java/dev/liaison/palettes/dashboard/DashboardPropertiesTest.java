package dev.liaison.palettes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardPropertiesTest {

    @Test
    void theDefaultsAreAcceptedAndEachLimitNamesItsKey() {
        DashboardProperties defaults = new DashboardProperties(20, Duration.ofSeconds(2), Duration.ofMinutes(30));
        assertThat(defaults.maxStreams()).isEqualTo(20);

        assertThatThrownBy(() -> new DashboardProperties(0, Duration.ofSeconds(2), Duration.ofMinutes(30)))
                .hasMessageContaining("liaison.dashboard.max-streams");
        assertThatThrownBy(() -> new DashboardProperties(1001, Duration.ofSeconds(2), Duration.ofMinutes(30)))
                .hasMessageContaining("liaison.dashboard.max-streams");
        assertThatThrownBy(() -> new DashboardProperties(20, Duration.ofMillis(100), Duration.ofMinutes(30)))
                .hasMessageContaining("liaison.dashboard.interval");
        assertThatThrownBy(() -> new DashboardProperties(20, null, Duration.ofMinutes(30)))
                .hasMessageContaining("liaison.dashboard.interval");
        assertThatThrownBy(() -> new DashboardProperties(20, Duration.ofSeconds(2), Duration.ofHours(25)))
                .hasMessageContaining("liaison.dashboard.stream-timeout");
    }
}
