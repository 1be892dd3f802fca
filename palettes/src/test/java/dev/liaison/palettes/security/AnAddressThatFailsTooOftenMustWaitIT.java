package dev.liaison.palettes.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Four failed sign-ins from one address, at names that exist or not, make that address wait for the rest of its
 * five-minute window: 429 with {@code Retry-After} and {@code auth.too_many_attempts}, even with right credentials,
 * before any password is checked. After the window it may try again.
 */
@PalettesIntegrationTest
@TestPropertySource(
        properties = {
            "liaison.acd.loop-enabled=false",
            "liaison.security.sign-in.max-failures=100",
            "liaison.security.sign-in.address-max-failures=4",
            "liaison.security.sign-in.address-window=5m"
        })
class AnAddressThatFailsTooOftenMustWaitIT {

    @LocalServerPort
    int port;

    @Autowired
    UserService userService;

    @Autowired
    MutableTestClock clock;

    @Autowired
    AddressFailures addresses;

    @Test
    void failedSignInsAtAnyNameMakeTheAddressWaitUntilItsWindowEnds() {
        TestUsers.Credentials user = new TestUsers(userService).designer();
        for (int i = 0; i < 4; i++) {
            String name = i % 2 == 0 ? user.username() : "nobody-" + i;
            assertThat(call(name, "wrong-" + i).getStatusCode().value()).isEqualTo(401);
        }

        clock.advance(Duration.ofMinutes(1));
        ResponseEntity<?> refused = call(user.username(), user.password());
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("240");
        assertThat(call(user.username(), user.password()).getBody().toString()).contains("auth.too_many_attempts");

        clock.advance(Duration.ofMinutes(4));
        assertThat(call(user.username(), user.password()).getStatusCode().value())
                .isEqualTo(200);
    }

    @AfterEach
    void theAddressIsForgottenOnceItsWindowEnded() {
        clock.advance(Duration.ofMinutes(5));
        addresses.blockedFor("127.0.0.1", clock.instant());
        addresses.blockedFor("0:0:0:0:0:0:0:1", clock.instant());
        assertThat(addresses.tracked()).isZero();
    }

    private ResponseEntity<com.fasterxml.jackson.databind.JsonNode> call(String username, String password) {
        return new RestCalls(port, new TestUsers.Credentials(username, password)).get("/api/v1/users/me");
    }
}
