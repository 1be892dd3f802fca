package dev.liaison.routes.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The documented keys bind to the typed settings, and a bad value stops the start with the key at fault. */
class SiteSettingsBindFromConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SitesProperties.class, CustomerTokenProperties.class})
    static class Settings {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDocumentedKeysBindWithTheirDefaults() {
        runner.withPropertyValues(
                        "liaison.sites.acme.allowed-origins=https://shop.acme.example, https://www.acme.example",
                        "liaison.sites.acme.destinations=support,billing",
                        "liaison.sites.beta.allowed-origins=http://localhost:3000",
                        "liaison.sites.beta.destinations=support",
                        "liaison.sites.beta.token-ttl=90s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SitesProperties sites = context.getBean(SitesProperties.class);
                    assertThat(sites.sites().get("acme").allowedOrigins())
                            .containsExactly("https://shop.acme.example", "https://www.acme.example");
                    assertThat(sites.sites().get("acme").destinations()).containsExactly("support", "billing");
                    assertThat(sites.sites().get("acme").tokenTtl()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(sites.sites().get("beta").tokenTtl()).isEqualTo(Duration.ofSeconds(90));
                    CustomerTokenProperties limits = context.getBean(CustomerTokenProperties.class);
                    assertThat(limits.requestsPerMinute()).isEqualTo(30);
                    assertThat(limits.trackedAddresses()).isEqualTo(100_000);
                });
        runner.run(context ->
                assertThat(context.getBean(SitesProperties.class).sites()).isEmpty());
    }

    @Test
    void aBadValueStopsTheStartNamingTheKey() {
        runner.withPropertyValues(
                        "liaison.sites.acme.allowed-origins=https://shop.acme.example/",
                        "liaison.sites.acme.destinations=support")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("liaison.sites.acme.allowed-origins"));
        runner.withPropertyValues("liaison.sites.acme.allowed-origins=https://shop.acme.example")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("liaison.sites.acme.destinations must list at least one destination"));
        runner.withPropertyValues("liaison.customer-tokens.requests-per-minute=0")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("liaison.customer-tokens.requests-per-minute"));
    }
}
