package dev.liaison.gateway.sipws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipWsPropertiesTest {

    private static final String HA1 = DigestAuthenticator.ha1("alice", "example.test", "secret");

    @Test
    void validConfigurationFindsAUsersHa1() {
        SipWsProperties properties = with(List.of(new SipWsProperties.User("alice", HA1.toUpperCase())), 60, 3600);
        assertThat(properties.ha1Of("alice")).contains(HA1);
        assertThat(properties.ha1Of("bob")).isEmpty();
    }

    @Test
    void badHa1FailsFast() {
        assertThatThrownBy(() -> with(List.of(new SipWsProperties.User("alice", "secret")), 60, 3600))
                .hasMessageContaining("users[0].ha1");
    }

    @Test
    void duplicateOrInvalidUserNamesFailFast() {
        assertThatThrownBy(() -> with(
                        List.of(new SipWsProperties.User("alice", HA1), new SipWsProperties.User("alice", HA1)),
                        60,
                        3600))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> with(List.of(new SipWsProperties.User("al ice", HA1)), 60, 3600))
                .hasMessageContaining("users[0].username");
    }

    @Test
    void maxExpiresShorterThanMinExpiresFailsFast() {
        assertThatThrownBy(() -> with(List.of(), 600, 60)).hasMessageContaining("max-expires");
    }

    @Test
    void digestOfTheRfc2617ExampleMatches() {
        // RFC 2617 section 3.5: Mufasa / "Circle Of Life" in realm testrealm@host.com.
        String ha1 = DigestAuthenticator.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        String ha2 = DigestAuthenticator.md5("GET:/dir/index.html");
        String response =
                DigestAuthenticator.md5(ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:" + ha2);
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    private static SipWsProperties with(List<SipWsProperties.User> users, int minExpires, int maxExpires) {
        return new SipWsProperties(
                true,
                "example.test",
                users,
                16384,
                20,
                64,
                5,
                1000,
                Duration.ofSeconds(minExpires),
                Duration.ofSeconds(maxExpires),
                Duration.ofMinutes(5),
                Duration.ofSeconds(32),
                Duration.ofSeconds(60));
    }
}
