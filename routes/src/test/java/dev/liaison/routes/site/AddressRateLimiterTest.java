package dev.liaison.routes.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AddressRateLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void anAddressGetsItsQuotaPerMinuteThenWaitsForTheNextWindow() {
        AddressRateLimiter limiter = new AddressRateLimiter(3, 100, clock);
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        clock.now = clock.now.plusSeconds(20);
        assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofSeconds(40));
        assertThat(limiter.acquire("10.0.0.2"))
                .as("another address has its own quota")
                .isEmpty();

        clock.now = clock.now.plusSeconds(40);
        assertThat(limiter.acquire("10.0.0.1")).as("a new window").isEmpty();
    }

    @Test
    void memoryIsBoundedByForgettingTheOldestWindow() {
        AddressRateLimiter limiter = new AddressRateLimiter(1, 2, clock);
        limiter.acquire("a");
        clock.now = clock.now.plusSeconds(1);
        limiter.acquire("b");
        clock.now = clock.now.plusSeconds(1);
        limiter.acquire("c");
        assertThat(limiter.trackedAddresses()).isEqualTo(2);
        assertThat(limiter.acquire("b")).as("b is remembered").isPresent();
        assertThat(limiter.acquire("a"))
                .as("a was forgotten first and starts afresh")
                .isEmpty();
    }
}
