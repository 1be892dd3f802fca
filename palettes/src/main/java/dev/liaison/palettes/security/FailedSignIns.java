package dev.liaison.palettes.security;

import java.time.Instant;

/**
 * The failed sign-ins of one user: how many since the first of the current window, and until when it is locked.
 *
 * @param lockedUntil null when the user was never locked in this window
 */
record FailedSignIns(int failures, Instant firstFailureAt, Instant lastFailureAt, Instant lockedUntil) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
