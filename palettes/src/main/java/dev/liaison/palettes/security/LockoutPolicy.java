package dev.liaison.palettes.security;

import java.time.Instant;

/**
 * Decides what one more wrong password does to a user's {@link FailedSignIns}: it counts within the failure window
 * (a first failure, a window that passed or a lockout that ended start a new count), and the failure that reaches
 * the maximum locks the user for the lockout time. While locked, the password is not even checked, so no failure
 * comes in to count.
 */
final class LockoutPolicy {

    private final SecurityProperties.SignIn limits;

    LockoutPolicy(SecurityProperties.SignIn limits) {
        this.limits = limits;
    }

    /** @param before the user's record, or null for none */
    FailedSignIns failed(FailedSignIns before, Instant now) {
        if (before != null && before.lockedAt(now)) {
            return before;
        }
        boolean fresh = before == null
                || before.lockedUntil() != null
                || !now.isBefore(before.firstFailureAt().plus(limits.failureWindow()));
        int failures = fresh ? 1 : before.failures() + 1;
        Instant first = fresh ? now : before.firstFailureAt();
        Instant lockedUntil = failures >= limits.maxFailures() ? now.plus(limits.lockout()) : null;
        return new FailedSignIns(failures, first, now, lockedUntil);
    }
}
