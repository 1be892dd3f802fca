package dev.liaison.palettes.security;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the users of HTTP Basic and form sign-in from {@code user_account}, with their lockout from
 * {@code sign_in_failure}.
 */
@Service
class UserAccountDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final SignInFailureStore failures;
    private final Clock clock;

    UserAccountDetailsService(UserAccountRepository users, SignInFailureStore failures, Clock clock) {
        this.users = users;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (username == null || username.length() > UserNames.MAX_LENGTH) {
            throw new UsernameNotFoundException("no such user");
        }
        UserAccount account =
                users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return new SignedInUser(account, failures.find(account.getId()).orElse(null), clock.instant());
    }
}
