package dev.liaison.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void aBurstOfTwiceTheRateIsAdmittedThenTheSustainedRate() {
        RateLimiter limiter = new RateLimiter(10, clock);

        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire()).as("burst message %d", i).isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();

        clock.advance(Duration.ofMillis(100));
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();

        clock.advance(Duration.ofSeconds(60));
        int admitted = 0;
        while (limiter.tryAcquire()) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(20);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
