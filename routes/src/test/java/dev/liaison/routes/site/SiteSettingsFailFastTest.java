package dev.liaison.routes.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteSettingsFailFastTest {

    private static SitesProperties.Site site(List<String> origins, List<String> destinations, Duration ttl) {
        return new SitesProperties.Site(origins, destinations, ttl);
    }

    private static final SitesProperties.Site GOOD = site(
            List.of("https://shop.example.com", "http://127.0.0.1:8081"), List.of("support"), Duration.ofMinutes(5));

    @Test
    void aWellFormedSiteIsKept() {
        SitesProperties properties = new SitesProperties(Map.of("acme", GOOD));
        assertThat(properties.sites()).containsOnlyKeys("acme");
        assertThat(properties.sites().get("acme").originSet())
                .containsExactlyInAnyOrder("https://shop.example.com", "http://127.0.0.1:8081");
        assertThat(new SitesProperties(null).sites()).isEmpty();
    }

    @Test
    void aBadSiteNameNamesTheKey() {
        assertThatThrownBy(() -> new SitesProperties(Map.of("Acme Shop", GOOD)))
                .hasMessageContaining("liaison.sites.Acme Shop");
    }

    @Test
    void originsMustBeBareLowerCaseWebOrigins() {
        for (String bad : List.of(
                "https://shop.example.com/",
                "https://shop.example.com/path",
                "shop.example.com",
                "ftp://shop.example.com",
                "https://Shop.example.com",
                "https://user@shop.example.com",
                "*",
                " ")) {
            assertThatThrownBy(() -> new SitesProperties(
                            Map.of("acme", site(List.of(bad), List.of("support"), Duration.ofMinutes(5)))))
                    .as(bad)
                    .hasMessageContaining("liaison.sites.acme.allowed-origins");
        }
        assertThatThrownBy(() ->
                        new SitesProperties(Map.of("acme", site(List.of(), List.of("support"), Duration.ofMinutes(5)))))
                .hasMessageContaining("liaison.sites.acme.allowed-origins must list at least one origin");
    }

    @Test
    void destinationsMustBeProtocolDestinationNames() {
        assertThatThrownBy(() -> new SitesProperties(
                        Map.of("acme", site(List.of("https://a.example"), List.of(), Duration.ofMinutes(5)))))
                .hasMessageContaining("liaison.sites.acme.destinations");
        assertThatThrownBy(() -> new SitesProperties(
                        Map.of("acme", site(List.of("https://a.example"), List.of("sup port"), Duration.ofMinutes(5)))))
                .hasMessageContaining("'sup port' is not a destination name");
    }

    @Test
    void tokensAreShortLived() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMinutes(61))) {
            assertThatThrownBy(() -> new SitesProperties(
                            Map.of("acme", site(List.of("https://a.example"), List.of("support"), bad))))
                    .hasMessageContaining("liaison.sites.acme.token-ttl");
        }
    }

    @Test
    void theRateLimitHasBounds() {
        assertThatThrownBy(() -> new CustomerTokenProperties(0, 1000))
                .hasMessageContaining("liaison.customer-tokens.requests-per-minute");
        assertThatThrownBy(() -> new CustomerTokenProperties(30, 10))
                .hasMessageContaining("liaison.customer-tokens.tracked-addresses");
    }
}
