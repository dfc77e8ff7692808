package mx.gob.inm.preregistro.platform.problem;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language a service answers in: the one of Spanish and English that the caller's {@code Accept-Language} prefers,
 * and Spanish, the platform's language, when it names neither, is missing or cannot be read. Spring's own resolver
 * reads the header through the servlet container, which takes an unreadable header for the JVM's locale.
 */
public final class CallerLanguage extends AcceptHeaderLocaleResolver {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final List<Locale> SPOKEN = List.of(SPANISH, Locale.ENGLISH);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null) {
            return SPANISH;
        }
        try {
            Locale preferred = Locale.lookup(Locale.LanguageRange.parse(header), SPOKEN);
            return preferred == null ? SPANISH : preferred;
        } catch (IllegalArgumentException unreadable) {
            return SPANISH;
        }
    }
}
