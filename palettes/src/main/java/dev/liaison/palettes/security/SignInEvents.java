package dev.liaison.palettes.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts what Spring Security reports of each authentication (form or HTTP Basic): a wrong password counts towards
 * the user's lockout ({@link SignInFailureStore}) and, like any failure, towards the address's limit
 * ({@link AddressFailures}); a success forgets the user's failures. Meter:
 * {@code liaison.security.authentications{outcome}} with {@code succeeded}, {@code failed} (wrong name or password),
 * {@code locked} (this failure locked the user), {@code refused-locked} (a locked user tried) and
 * {@code refused-throttled} (counted by {@link SignInThrottleFilter}).
 */
@Component
class SignInEvents {

    static final String METER = "liaison.security.authentications";

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final SignInFailureStore failures;
    private final AddressFailures addresses;
    private final Clock clock;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter locked;
    private final Counter refusedLocked;

    SignInEvents(SignInFailureStore failures, AddressFailures addresses, Clock clock, MeterRegistry meters) {
        this.failures = failures;
        this.addresses = addresses;
        this.clock = clock;
        this.succeeded = counter(meters, "succeeded");
        this.failed = counter(meters, "failed");
        this.locked = counter(meters, "locked");
        this.refusedLocked = counter(meters, "refused-locked");
    }

    static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(METER)
                .description("Authentications by HTTP Basic or the sign-in form, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @EventListener
    void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        failed.increment();
        String address = address(event.getAuthentication());
        addresses.failed(address, now);
        String username = event.getAuthentication().getName();
        if (username == null || username.isEmpty() || username.length() > UserNames.MAX_LENGTH) {
            return;
        }
        failures.failed(username, now)
                .filter(SignInFailureStore.Counted::locked)
                .ifPresent(counted -> {
                    locked.increment();
                    log.warn(
                            "User {} locked until {} after {} wrong passwords (last from {})",
                            username,
                            counted.after().lockedUntil(),
                            counted.after().failures(),
                            address);
                });
    }

    @EventListener
    void lockedOut(AuthenticationFailureLockedEvent event) {
        refusedLocked.increment();
        String address = address(event.getAuthentication());
        addresses.failed(address, clock.instant());
        log.info(
                "User {} is locked; sign-in from {} refused",
                event.getAuthentication().getName(),
                address);
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        succeeded.increment();
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user && user.failedBefore()) {
            failures.clear(user.id());
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }
}
