package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-source INVITE token bucket: a burst up to the rate, then refills with time, each source on its own. */
class InviteRateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final InviteRateLimiter limiter = new InviteRateLimiter(3, clock);

    @Test
    void burstUpToTheRateThenRefused() throws Exception {
        InetAddress source = InetAddress.getByName("192.0.2.1");
        assertThat(limiter.tryAcquire(source)).isTrue();
        assertThat(limiter.tryAcquire(source)).isTrue();
        assertThat(limiter.tryAcquire(source)).isTrue();
        assertThat(limiter.tryAcquire(source)).isFalse();
        assertThat(limiter.tryAcquire(InetAddress.getByName("192.0.2.2"))).isTrue();

        clock.advance(Duration.ofMillis(400));
        assertThat(limiter.tryAcquire(source)).isTrue();
        assertThat(limiter.tryAcquire(source)).isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
