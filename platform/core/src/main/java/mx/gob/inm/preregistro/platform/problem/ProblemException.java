package mx.gob.inm.preregistro.platform.problem;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served for a reason the caller should know (not found, conflict, gone...).
 * The detail shown to people is {@code problem.<code>} from the messages, in the caller's language.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;
    private final Duration retryAfter;

    public ProblemException(HttpStatus status, String code) {
        this(status, code, Map.of());
    }

    public ProblemException(HttpStatus status, String code, Map<String, Object> properties) {
        this(status, code, properties, null);
    }

    /** A refusal the caller may try again after {@code retryAfter} ({@code Retry-After}, e.g. a rate limit). */
    public ProblemException(HttpStatus status, String code, Duration retryAfter) {
        this(status, code, Map.of(), retryAfter);
    }

    private ProblemException(HttpStatus status, String code, Map<String, Object> properties, Duration retryAfter) {
        super(status + " " + code);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
        this.retryAfter = retryAfter;
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

    /** When the caller may try again, if the refusal says. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Extra members of the problem body (e.g. {@code retryAfter}). */
    public Map<String, Object> properties() {
        return properties;
    }
}
