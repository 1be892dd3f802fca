package dev.liaison.palettes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP security of Liaison: who may reach which path, how they sign in, and what a refusal looks like.
 *
 * <ul>
 *   <li>{@code /api/**} needs a signed-in user; each handler's {@code @PreAuthorize} ({@link Access}) says which
 *       roles. Programs use HTTP Basic on every request (no session is created); browsers sign in with the form at
 *       {@code /login} and then use the session cookie, with a CSRF token on every state-changing request.
 *   <li>{@code /actuator/health} is open; {@code /actuator/prometheus} needs ADMIN or METRICS; the rest of Actuator
 *       ADMIN.
 *   <li>The WebSocket endpoints {@code /ws/client} (consumer tokens) and {@code /ws/sip} (SIP digest) authenticate
 *       on their own and pass through; so do the landing page, static files, the SDK and the OpenAPI document.
 *   <li>401 and 403 are problem responses ({@link SecurityProblems}) with stable codes.
 *   <li>Guessing is limited: wrong passwords lock the user for a while ({@link SignInEvents}), and an address that
 *       failed too often gets 429 ({@link SignInThrottleFilter}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Hashes as {@code {bcrypt}...}; the prefix lets a later release move to another algorithm without a migration. */
    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        String id = "bcrypt";
        return new DelegatingPasswordEncoder(
                id, Map.of(id, new BCryptPasswordEncoder(properties.passwordHashStrength())));
    }

    @Bean
    AddressFailures addressFailures(SecurityProperties properties) {
        return new AddressFailures(properties.signIn());
    }

    @Bean
    SecurityFilterChain liaisonSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            UserAccountRepository users,
            ObjectMapper json,
            AddressFailures addressFailures,
            Clock clock,
            MeterRegistry meters)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler(problems);

        // Only a browser's page navigation is worth returning to after sign-in; API calls never open a session.
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(
                request -> "GET".equals(request.getMethod()) && !SecurityPaths.isMachineFacing(request));

        // The token travels in a cookie that the web UIs' scripts read (XSRF-TOKEN) and send back as X-XSRF-TOKEN.
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();

        http.authorizeHttpRequests(rules -> rules
                        // The async dispatch that ends a streamed response (the statistics stream, SSE) continues a
                        // request already authorized; after a sign-out it would otherwise be refused on a committed
                        // response.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(SecurityPaths.HEALTH, SecurityPaths.HEALTH + "/**")
                        .permitAll()
                        .requestMatchers(SecurityPaths.PROMETHEUS)
                        .hasAnyRole(Role.ADMIN.name(), Role.METRICS.name())
                        .requestMatchers("/actuator", "/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(SecurityPaths.OWN_AUTHENTICATION)
                        .permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.POST, SecurityPaths.CUSTOMER_TOKENS)
                        .permitAll()
                        .requestMatchers(SecurityPaths.API)
                        .authenticated()
                        .requestMatchers(SecurityPaths.USER_INTERFACES)
                        .authenticated()
                        // landing page, static files, /sdk, /error, /login, /v3/api-docs, /swagger-ui
                        .anyRequest()
                        .permitAll())
                .httpBasic(basic ->
                        basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
                .formLogin(form -> form.loginPage(SecurityPaths.LOGIN).permitAll())
                .logout(logout -> logout.permitAll())
                .requestCache(cache -> cache.requestCache(requestCache))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(new CookieSessionCsrfMatcher()))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterBefore(new OriginCheckFilter(properties.allowedOrigins(), problems), CsrfFilter.class)
                .addFilterBefore(
                        new SignInThrottleFilter(addressFailures, problems, clock, meters),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .addFilterAfter(signInPage(), CsrfFilter.class)
                .addFilterBefore(new SessionAccountCheckFilter(users), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Spring Security's generated sign-in form at {@code /login}, with the CSRF token as a hidden field. Configured by
     * hand: the generated page is switched off as soon as an application sets its own entry points, as this one does
     * for the API. The web UIs will bring their own page.
     */
    private static DefaultLoginPageGeneratingFilter signInPage() {
        DefaultLoginPageGeneratingFilter page = new DefaultLoginPageGeneratingFilter();
        page.setFormLoginEnabled(true);
        page.setUsernameParameter("username");
        page.setPasswordParameter("password");
        page.setLoginPageUrl(SecurityPaths.LOGIN);
        page.setAuthenticationUrl(SecurityPaths.LOGIN);
        page.setFailureUrl(SecurityPaths.LOGIN + "?error");
        page.setLogoutSuccessUrl(SecurityPaths.LOGIN + "?logout");
        page.setResolveHiddenInputs(request -> {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            return token == null ? Map.of() : Map.of(token.getParameterName(), token.getToken());
        });
        return page;
    }

    /**
     * Loads the CSRF token on browser requests that have a session, so its cookie is set before the first
     * state-changing request (the token is otherwise created only when a page asks for it).
     */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader("Authorization") == null && request.getSession(false) != null) {
                CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
                if (token != null) {
                    token.getToken();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
