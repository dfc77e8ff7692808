package mx.gob.inm.preregistro.platform.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served for a reason the caller should know (not found, conflict, gone...).
 * The detail shown to people is {@code problem.<code>} from the messages, in the caller's language.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String code) {
        this(status, code, Map.of());
    }

    public ProblemException(HttpStatus status, String code, Map<String, Object> properties) {
        super(status + " " + code);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not_found");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the problem body (e.g. {@code retryAfter}). */
    public Map<String, Object> properties() {
        return properties;
    }
}
