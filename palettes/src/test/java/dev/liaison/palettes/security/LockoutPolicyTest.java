package dev.liaison.palettes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final LockoutPolicy policy = new LockoutPolicy(new SecurityProperties.SignIn(
            3, Duration.ofMinutes(15), Duration.ofMinutes(10), 20, Duration.ofMinutes(5), 100));

    @Test
    void theFailureThatReachesTheMaximumLocksTheUserForTheLockoutTime() {
        FailedSignIns one = policy.failed(null, T0);
        FailedSignIns two = policy.failed(one, T0.plusSeconds(10));
        FailedSignIns three = policy.failed(two, T0.plusSeconds(20));

        assertThat(one.failures()).isEqualTo(1);
        assertThat(one.lockedUntil()).isNull();
        assertThat(two.lockedUntil()).isNull();
        assertThat(three.failures()).isEqualTo(3);
        assertThat(three.lockedUntil()).isEqualTo(T0.plusSeconds(20).plus(Duration.ofMinutes(10)));
        assertThat(three.lockedAt(T0.plusSeconds(21))).isTrue();
        assertThat(three.lockedAt(three.lockedUntil())).isFalse();
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        FailedSignIns two = policy.failed(policy.failed(null, T0), T0.plusSeconds(60));

        FailedSignIns late = policy.failed(two, T0.plus(Duration.ofMinutes(15)));

        assertThat(late.failures()).isEqualTo(1);
        assertThat(late.firstFailureAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(late.lockedUntil()).isNull();
    }

    @Test
    void aLockedUserIsNotCountedFurtherAndCountsAfreshOnceTheLockoutEnded() {
        FailedSignIns locked = policy.failed(policy.failed(policy.failed(null, T0), T0), T0);

        assertThat(policy.failed(locked, T0.plusSeconds(30))).isSameAs(locked);

        FailedSignIns after = policy.failed(locked, locked.lockedUntil().plusSeconds(1));
        assertThat(after.failures()).isEqualTo(1);
        assertThat(after.lockedUntil()).isNull();
    }
}
