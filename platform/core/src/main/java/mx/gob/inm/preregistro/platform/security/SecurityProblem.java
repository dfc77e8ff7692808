package mx.gob.inm.preregistro.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import mx.gob.inm.preregistro.platform.correlation.CorrelationId;
import mx.gob.inm.preregistro.platform.problem.CallerLanguage;

/**
 * The answers Spring Security gives before a controller runs, in the one problem+json shape with the correlation
 * id: Spanish, or English when the request prefers it ({@link CallerLanguage}, as every other problem).
 */
enum SecurityProblem {

    UNAUTHENTICATED(HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "Sesión no iniciada",
            "Ingrese para continuar.", "Not signed in", "Sign in to continue."),
    FORBIDDEN(HttpServletResponse.SC_FORBIDDEN, "forbidden", "Acceso no permitido",
            "Su cuenta no puede usar esta función.", "Not allowed", "Your account cannot use this function."),
    /** The token cannot be checked: Keycloak's keys could not be fetched (Keycloak down when they were needed). */
    UNAVAILABLE(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable", "Servicio no disponible por el momento",
            "El servicio no está disponible en este momento. Intente de nuevo en unos segundos.",
            "Service temporarily unavailable", "The service is not available right now. Please try again in a few seconds.");

    private static final CallerLanguage LANGUAGE = new CallerLanguage();

    private final int status;
    private final String code;
    private final String[] spanish;
    private final String[] english;

    SecurityProblem(int status, String code, String spanishTitle, String spanishDetail, String englishTitle,
            String englishDetail) {
        this.status = status;
        this.code = code;
        this.spanish = new String[] {spanishTitle, spanishDetail};
        this.english = new String[] {englishTitle, englishDetail};
    }

    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] text = "en".equals(LANGUAGE.resolveLocale(request).getLanguage()) ? english : spanish;
        response.setStatus(status);
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"title\":\"" + text[0] + "\",\"status\":" + status + ",\"code\":\"" + code
                + "\",\"detail\":\"" + text[1] + "\",\"correlationId\":\"" + CorrelationId.current() + "\"}");
    }
}
