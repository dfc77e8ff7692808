package mx.gob.inm.preregistro.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A valid token without the role a path needs: 403 in the one problem+json shape, with the correlation id. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final SecurityProblem problems;

    ProblemAccessDeniedHandler(SecurityProblem problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }
}
