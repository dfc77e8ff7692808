package mx.gob.inm.preregistro.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** A call without a valid token: 401 in the one problem+json shape, with the correlation id. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final SecurityProblem problems;

    ProblemAuthenticationEntryPoint(SecurityProblem problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }
}
