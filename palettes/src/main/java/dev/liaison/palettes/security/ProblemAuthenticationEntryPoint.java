package dev.liaison.palettes.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * What an unauthenticated request gets: a browser page (a web UI) is sent to the sign-in form; everything else (the
 * REST API, Actuator) gets a 401 problem with {@code WWW-Authenticate: Basic}, except script requests that say
 * {@code X-Requested-With: XMLHttpRequest}, so that a web UI's own calls never raise the browser's password dialog.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "Liaison";

    private final SecurityProblems problems;
    private final LoginUrlAuthenticationEntryPoint loginForm = new LoginUrlAuthenticationEntryPoint("/login");

    ProblemAuthenticationEntryPoint(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, jakarta.servlet.ServletException {
        if (!SecurityPaths.isMachineFacing(request)) {
            loginForm.commence(request, response, failure);
            return;
        }
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        problems.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                SecurityProblems.UNAUTHENTICATED,
                "sign in: HTTP Basic credentials or a session from /login are required");
    }
}
