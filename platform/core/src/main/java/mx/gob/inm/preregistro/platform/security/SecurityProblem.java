package mx.gob.inm.preregistro.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.platform.problem.ProblemHandler;

/**
 * Writes the answers Spring Security gives before a controller runs: the problem {@link ProblemHandler} makes (the
 * same shape, texts and language as every other problem, with the correlation id), as Spring MVC would write it.
 */
final class SecurityProblem {

    private final ProblemHandler problems;
    private final JsonMapper json;

    SecurityProblem(ProblemHandler problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        byte[] body = json.writeValueAsBytes(problems.problemOf(request, status, code));
        response.setStatus(status.value());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemHandler.RETRY_UNAVAILABLE_AFTER);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
