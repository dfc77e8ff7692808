package mx.gob.inm.preregistro.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import mx.gob.inm.preregistro.platform.correlation.CorrelationId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one shape of every error: RFC 9457 {@code application/problem+json} with {@code title}, {@code status},
 * {@code detail}, a {@code code}, the {@code correlationId}, and for validation {@code errors: [{field, code,
 * message}]}, messages in the caller's language (Spanish unless {@code Accept-Language: en}). Nothing unexpected
 * leaks: an unknown failure is a 500 with the correlation id to quote, and its stack trace only in the log.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;

    /** When a caller may try again after a 503 {@code unavailable} ({@code Retry-After}, seconds). */
    public static final String RETRY_UNAVAILABLE_AFTER = "5";

    private static final CallerLanguage LANGUAGE = new CallerLanguage();

    public ProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<ProblemDetail> validation(ValidationFailedException e) {
        return validationProblem(e.violations());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> FieldViolation.of(error.getField(), beanValidationCode(error.getCode())))
                .toList();
        return validationProblem(violations);
    }

    /**
     * Not JSON at all: {@code malformed_body}. Well-formed JSON whose value does not fit its field (a number or a
     * boolean for a text, a word for a date): a validation problem naming the field by its JSON path, like any other
     * rule the field breaks, so the form can show it beside the field.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return mismatchedField(e)
                .map(field -> validationProblem(List.of(FieldViolation.of(field, "invalid"))))
                .orElseGet(() -> problem(HttpStatus.BAD_REQUEST, "malformed_body", Map.of()));
    }

    /** A parameter of the wrong type ({@code cropWidth=abc}): a 400 naming it, not a failure of the service. */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(TypeMismatchException e) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName() == null ? "body" : e.getPropertyName();
        return validationProblem(List.of(FieldViolation.of(field, "invalid")));
    }

    /**
     * Escapes in the address that are not UTF-8 ({@code ?seal=%C3%28}): Tomcat refuses to decode any parameter of
     * the request. A 400 naming the first parameter that cannot be read, as for a value of the wrong type.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e, HttpServletRequest request) {
        return validationProblem(List.of(
                FieldViolation.of(QueryParameters.firstUndecodable(request.getQueryString()), "invalid")));
    }

    /** A required parameter, part of a multipart form, or header that is missing: a 400 naming it as required. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> missing(Exception e) {
        String field = e instanceof MissingServletRequestParameterException parameter ? parameter.getParameterName()
                : e instanceof MissingServletRequestPartException part ? part.getRequestPartName()
                : ((MissingRequestHeaderException) e).getHeaderName();
        return validationProblem(List.of(FieldViolation.of(field, "required")));
    }

    /**
     * A body over the parser's limits: a file or a request too large ({@code too_large}), or more parts than a form
     * of the platform has ({@code too_many_parts}; Spring reports Tomcat's limits all as one size error).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "too_many_parts", Map.of());
            }
        }
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too_large", Map.of());
    }

    /** A multipart body the parser cannot read (no boundary, cut before its end): the form, not the service, failed. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed_multipart", Map.of());
    }

    /** A 503 tells when to try again, as every 503 here does; a refusal that knows when (a 429) says it. */
    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> known(ProblemException e) {
        ResponseEntity<ProblemDetail> problem = problem(e.status(), e.code(), e.properties());
        return e.retryAfter()
                .map(after -> String.valueOf(Math.max(1, (after.toMillis() + 999) / 1000)))
                .or(() -> e.status() == HttpStatus.SERVICE_UNAVAILABLE ? Optional.of(RETRY_UNAVAILABLE_AFTER)
                        : Optional.empty())
                .map(seconds -> withRetryAfter(problem, seconds)).orElse(problem);
    }

    /**
     * A server this service depends on cannot be reached or failed: the database (down, restarting), or a server it
     * calls over HTTP (no connection, no answer in time, its circuit open, a 5xx; identity-service's Keycloak). A
     * temporary state the caller can retry, not a fault of the request.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            MongoTimeoutException.class, MongoSocketException.class, ResourceAccessException.class,
            HttpServerErrorException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Unavailable: {}", e.toString());
        return withRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", Map.of()),
                RETRY_UNAVAILABLE_AFTER);
    }

    /** The problem with {@code Retry-After} (seconds) among its headers. */
    private static ResponseEntity<ProblemDetail> withRetryAfter(ResponseEntity<ProblemDetail> problem,
            String seconds) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, seconds).body(problem.getBody());
    }

    /**
     * Spring's own request errors (unknown path, wrong method, a content type not read or not written, a missing
     * header...) keep their status and headers ({@code Allow}, {@code Accept}), in the words of every other problem.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse response) {
            ResponseEntity<ProblemDetail> problem =
                    problem(response.getStatusCode(), requestErrorCode(response.getStatusCode()), Map.of());
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .headers(problem.getHeaders()).body(problem.getBody());
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", Map.of());
    }

    /**
     * The problem of an answer given before Spring MVC, by Spring Security's filters ({@code unauthenticated},
     * {@code forbidden}, {@code unavailable}), in the request's language as {@link CallerLanguage} reads it.
     */
    public ProblemDetail problemOf(HttpServletRequest request, HttpStatusCode status, String code) {
        return problem(status, code, Map.of(), LANGUAGE.resolveLocale(request)).getBody();
    }

    /**
     * The problem of a request error Tomcat answers itself, before any servlet ({@link ProblemReportValve}), in
     * Spanish: the request's languages are among what could not be read.
     */
    public ProblemDetail requestError(int status) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        return problem(code, requestErrorCode(code), Map.of(), CallerLanguage.SPANISH).getBody();
    }

    /** A property name is echoed only when it looks like one; a hostile map key ends the path at its parent. */
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** The JSON path of the value that did not fit ({@code travel.originCity}, {@code items[0]}), when there is one. */
    private static Optional<String> mismatchedField(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference step : mismatch.getPath()) {
                    String name = step.getPropertyName();
                    if (name != null && PROPERTY_NAME.matcher(name).matches()) {
                        path.append(path.isEmpty() ? "" : ".").append(name);
                    } else if (name == null && step.getIndex() >= 0 && !path.isEmpty()) {
                        path.append('[').append(step.getIndex()).append(']');
                    } else {
                        break;
                    }
                }
                return path.isEmpty() ? Optional.empty() : Optional.of(path.toString());
            }
        }
        return Optional.empty();
    }

    private ResponseEntity<ProblemDetail> validationProblem(List<FieldViolation> violations) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = violations.stream()
                .map(v -> Map.<String, Object>of(
                        "field", v.field(),
                        "code", v.code(),
                        "message", text("validation." + v.code(), v.args().toArray(), locale)))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", Map.of("errors", errors));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, Map<String, Object> extra) {
        return problem(status, code, extra, LocaleContextHolder.getLocale());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, Map<String, Object> extra,
            Locale locale) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setTitle(text("problem." + code + ".title", new Object[0], locale));
        body.setDetail(text("problem." + code, extra.values().toArray(), locale));
        body.setProperty("code", code);
        body.setProperty("correlationId", CorrelationId.current());
        extra.forEach(body::setProperty);
        // Named, not negotiated: a problem is answered even to an Accept that cannot be read or does not allow it.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String requestErrorCode(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> status.is4xxClientError() ? "bad_request" : "internal";
        };
    }

    private static String beanValidationCode(String constraint) {
        return switch (constraint == null ? "" : constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "Length" -> "length";
            case "Email" -> "email";
            case "Pattern" -> "format";
            case "Past", "PastOrPresent" -> "past";
            case "Future", "FutureOrPresent" -> "future";
            case "AssertTrue" -> "must_accept";
            default -> "invalid";
        };
    }
}
