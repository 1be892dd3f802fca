package dev.liaison.gateway.client.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TokenKey key = TokenKey.random();
    private final ClientTokenIssuer issuer = new ClientTokenIssuer(key, "liaison", clock);
    private final ClientTokenVerifier verifier = new ClientTokenVerifier(key, "liaison", clock);

    @Test
    void anIssuedTokenVerifiesWithItsClaims() {
        String jwt = issuer.issue(
                "visitor-1", "acme", Set.of("support", "sales"), Set.of("https://acme.example"), Duration.ofMinutes(5));

        ClientToken token = verifier.verify(jwt);

        assertThat(token.subject()).isEqualTo("visitor-1");
        assertThat(token.site()).isEqualTo("acme");
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(token.allowsDestination("support")).isTrue();
        assertThat(token.allowsDestination("+19005551234")).isFalse();
        assertThat(token.allowsDestination("Support")).isFalse();
        assertThat(token.allowsOrigin(Optional.of("https://acme.example"))).isTrue();
        assertThat(token.allowsOrigin(Optional.of("https://evil.example"))).isFalse();
        assertThat(token.allowsOrigin(Optional.empty())).isFalse();
    }

    @Test
    void aTokenWithoutOriginsIsUsableFromAnyOriginAndFromApps() {
        ClientToken token =
                verifier.verify(issuer.issue("v", "acme", Set.of("support"), Set.of(), Duration.ofMinutes(1)));

        assertThat(token.allowsOrigin(Optional.empty())).isTrue();
        assertThat(token.allowsOrigin(Optional.of("https://anything.example"))).isTrue();
    }

    @Test
    void anExpiredTokenIsInvalid() {
        String jwt = issuer.issue("v", "acme", Set.of("support"), Set.of(), Duration.ofMinutes(1));
        ClientTokenVerifier later = new ClientTokenVerifier(key, "liaison", Clock.offset(clock, Duration.ofMinutes(2)));

        assertInvalid(() -> later.verify(jwt));
    }

    @Test
    void aTokenSignedWithAnotherKeyOrIssuerIsInvalid() {
        String foreign = new ClientTokenIssuer(TokenKey.random(), "liaison", clock)
                .issue("v", "acme", Set.of("support"), Set.of(), Duration.ofMinutes(1));
        String otherIssuer = new ClientTokenIssuer(key, "someone-else", clock)
                .issue("v", "acme", Set.of("support"), Set.of(), Duration.ofMinutes(1));

        assertInvalid(() -> verifier.verify(foreign));
        assertInvalid(() -> verifier.verify(otherIssuer));
        assertInvalid(() -> verifier.verify("not-a-jwt"));
    }

    @Test
    void anUnsignedTokenIsInvalid() {
        String jwt = issuer.issue("v", "acme", Set.of("support"), Set.of(), Duration.ofMinutes(1));
        String payload = jwt.split("\\.")[1];
        String none = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + payload + ".";

        assertInvalid(() -> verifier.verify(none));
    }

    @Test
    void aTamperedAllowListIsInvalid() {
        String jwt = issuer.issue("v", "acme", Set.of("support"), Set.of(), Duration.ofMinutes(1));
        String[] parts = jwt.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"support\"", "\"+19005551234\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertInvalid(() -> verifier.verify(tampered));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClientProtocolException.class, e -> assertThat(e.code())
                .isEqualTo(ClientErrorCode.INVALID_TOKEN));
    }
}
