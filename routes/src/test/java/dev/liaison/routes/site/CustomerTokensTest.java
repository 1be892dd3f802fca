package dev.liaison.routes.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.client.token.ClientToken;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.client.token.ClientTokenVerifier;
import dev.liaison.gateway.client.token.TokenKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CustomerTokensTest {

    private static final String SHOP = "https://shop.acme.example";

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private final TokenKey key = TokenKey.random();
    private final ClientTokenVerifier verifier = new ClientTokenVerifier(key, "liaison", clock);
    private final SitesProperties sites = new SitesProperties(Map.of(
            "acme", new SitesProperties.Site(List.of(SHOP), List.of("support", "billing"), Duration.ofMinutes(2))));

    private CustomerTokens tokens(int perMinute) {
        return new CustomerTokens(
                name -> java.util.Optional.ofNullable(sites.sites().get(name)),
                new ClientTokenIssuer(key, "liaison", clock),
                new AddressRateLimiter(perMinute, 100, clock),
                clock);
    }

    @Test
    void aVisitorGetsATokenScopedToTheSite() {
        IssuedToken issued = tokens(10).issue("acme", Optional.of(SHOP), "198.51.100.7", Optional.empty());

        ClientToken token = verifier.verify(issued.token());
        assertThat(token.subject()).isEqualTo(issued.subject()).matches(CustomerTokens.ANONYMOUS_SUBJECT);
        assertThat(token.site()).isEqualTo("acme");
        assertThat(token.allowedDestinations()).containsExactlyInAnyOrder("support", "billing");
        assertThat(token.allowedOrigins()).containsExactly(SHOP);
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(issued.expiresAt()).isEqualTo(token.expiresAt());
    }

    @Test
    void aFreshVisitorIsNewEachTimeAndAContinuedOneStaysTheSame() {
        CustomerTokens tokens = tokens(10);
        String first =
                tokens.issue("acme", Optional.of(SHOP), "a", Optional.empty()).subject();
        String second =
                tokens.issue("acme", Optional.of(SHOP), "a", Optional.empty()).subject();
        assertThat(first).isNotEqualTo(second);
        assertThat(tokens.issue("acme", Optional.of(SHOP), "a", Optional.of(first))
                        .subject())
                .isEqualTo(first);
    }

    @Test
    void anIdentityClaimIsNeverTaken() {
        assertThatThrownBy(() -> tokens(10).issue("acme", Optional.of(SHOP), "a", Optional.of("alice@example.com")))
                .isInstanceOfSatisfying(SiteException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.code()).isEqualTo("customer_token.invalid_subject");
                });
    }

    @Test
    void theSiteIsCheckedBeforeTheOriginAndTheOriginMustBeTheSites() {
        CustomerTokens tokens = tokens(10);
        assertThatThrownBy(() -> tokens.issue("other", Optional.of("https://evil.example"), "a", Optional.empty()))
                .isInstanceOfSatisfying(
                        SiteException.class, e -> assertThat(e.code()).isEqualTo("site.not_found"));
        assertThatThrownBy(() -> tokens.issue("acme", Optional.of("https://evil.example"), "a", Optional.empty()))
                .isInstanceOfSatisfying(
                        SiteException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> tokens.issue("acme", Optional.empty(), "a", Optional.empty()))
                .isInstanceOfSatisfying(
                        SiteException.class, e -> assertThat(e.code()).isEqualTo("site.origin_forbidden"));
        assertThat(tokens.allows("acme", SHOP)).isTrue();
        assertThat(tokens.allows("acme", "https://evil.example")).isFalse();
        assertThat(tokens.allows("other", SHOP)).isFalse();
    }

    @Test
    void refusedRequestsCountTowardsTheRateLimit() {
        CustomerTokens tokens = tokens(2);
        assertThatThrownBy(() -> tokens.issue("nosuchsite", Optional.of(SHOP), "203.0.113.9", Optional.empty()))
                .isInstanceOfSatisfying(
                        SiteException.class, e -> assertThat(e.code()).isEqualTo("site.not_found"));
        tokens.issue("acme", Optional.of(SHOP), "203.0.113.9", Optional.empty());
        assertThatThrownBy(() -> tokens.issue("acme", Optional.of(SHOP), "203.0.113.9", Optional.empty()))
                .isInstanceOfSatisfying(SiteException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.properties()).containsEntry("retryAfterSeconds", 60L);
                });
        assertThat(tokens.issue("acme", Optional.of(SHOP), "203.0.113.10", Optional.empty()))
                .as("another address")
                .isNotNull();
    }
}
