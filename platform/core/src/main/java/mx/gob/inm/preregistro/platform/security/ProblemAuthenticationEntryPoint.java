package mx.gob.inm.preregistro.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import mx.gob.inm.preregistro.platform.correlation.CorrelationId;

/** A call without a valid token: 401 in the one problem+json shape, with the correlation id. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean english = request.getLocale() != null && "en".equals(request.getLocale().getLanguage());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"title\":\"" + (english ? "Not signed in" : "Sesión no iniciada")
                + "\",\"status\":401,\"code\":\"unauthenticated\",\"detail\":\""
                + (english ? "Sign in to continue." : "Ingrese para continuar.")
                + "\",\"correlationId\":\"" + CorrelationId.current() + "\"}");
    }
}
