package dev.liaison.palettes.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt (a form post to {@code /login}, or a request with HTTP Basic credentials) from an address
 * that failed too often ({@link AddressFailures}): {@code 429} with {@code Retry-After} and the problem code
 * {@code auth.too_many_attempts}, before any password is checked. Requests on an existing session go through.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final AddressFailures addresses;
    private final SecurityProblems problems;
    private final Clock clock;
    private final Counter refused;

    SignInThrottleFilter(AddressFailures addresses, SecurityProblems problems, Clock clock, MeterRegistry meters) {
        this.addresses = addresses;
        this.problems = problems;
        this.clock = clock;
        this.refused = SignInEvents.counter(meters, "refused-throttled");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (attemptsSignIn(request)) {
            Optional<Duration> wait = addresses.blockedFor(request.getRemoteAddr(), clock.instant());
            if (wait.isPresent()) {
                refused.increment();
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                String detail = "too many failed sign-ins from this address: try again in " + seconds + " s";
                response.setHeader("Retry-After", Long.toString(seconds));
                if (wantsPage(request)) {
                    response.sendRedirect(request.getContextPath() + SecurityPaths.LOGIN + "?error");
                    return;
                }
                problems.write(
                        request, response, HttpStatus.TOO_MANY_REQUESTS, SecurityProblems.TOO_MANY_ATTEMPTS, detail);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean attemptsSignIn(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        return "POST".equals(request.getMethod()) && SecurityPaths.LOGIN.equals(pathOf(request));
    }

    /** A form posted by a browser page, not a script's request: it gets the sign-in page back. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Authorization") == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && accept != null
                && accept.contains("text/html");
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
