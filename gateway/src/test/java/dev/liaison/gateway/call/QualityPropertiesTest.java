package dev.liaison.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class QualityPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(QualityProperties.class)
    static class Bound {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void theReportIntervalDefaultsToFiveSecondsAndBindsFromItsSetting() {
        runner.run(
                context -> assertThat(context.getBean(QualityProperties.class).reportInterval())
                        .isEqualTo(Duration.ofSeconds(5)));
        runner.withPropertyValues("liaison.gateway.calls.quality.report-interval=2s")
                .run(context -> assertThat(
                                context.getBean(QualityProperties.class).reportInterval())
                        .isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void anIntervalOutsideOneSecondToTenMinutesStopsTheStartNamingTheSetting() {
        for (String bad : new String[] {"0s", "500ms", "11m", "-5s"}) {
            runner.withPropertyValues("liaison.gateway.calls.quality.report-interval=" + bad)
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .hasStackTraceContaining(
                                    "liaison.gateway.calls.quality.report-interval must be 1s to 10m"));
        }
        assertThatThrownBy(() -> new QualityProperties(null)).hasMessageContaining("report-interval");
    }
}
