package dev.liaison.palettes.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** A signed-in caller whose roles do not allow the request, or a request without its CSRF token: a 403 problem. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final SecurityProblems problems;

    ProblemAccessDeniedHandler(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof CsrfException) {
            problems.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    SecurityProblems.CSRF,
                    "this request uses a session cookie and changes state: send the XSRF-TOKEN cookie's value in"
                            + " the X-XSRF-TOKEN header");
            return;
        }
        problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                SecurityProblems.FORBIDDEN,
                "your roles do not allow this request");
    }
}
