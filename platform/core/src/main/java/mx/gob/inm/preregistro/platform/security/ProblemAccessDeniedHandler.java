package mx.gob.inm.preregistro.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import mx.gob.inm.preregistro.platform.correlation.CorrelationId;

/** A valid token without the role a path needs: 403 in the one problem+json shape, with the correlation id. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        boolean english = request.getLocale() != null && "en".equals(request.getLocale().getLanguage());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"title\":\"" + (english ? "Not allowed" : "Acceso no permitido")
                + "\",\"status\":403,\"code\":\"forbidden\",\"detail\":\""
                + (english ? "Your account cannot use this function." : "Su cuenta no puede usar esta función.")
                + "\",\"correlationId\":\"" + CorrelationId.current() + "\"}");
    }
}
