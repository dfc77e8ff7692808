package mx.gob.inm.preregistro.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The errors the gateway answers itself, before or instead of a service, in the platform's problem+json shape:
 * Spanish, or English when the browser asks for it first.
 */
public enum GatewayProblem {

    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated",
            "Sesión no iniciada", "Ingrese para continuar.",
            "Not signed in", "Sign in to continue."),
    SESSION_EXPIRED(HttpStatus.UNAUTHORIZED, "session_expired",
            "Sesión terminada", "Su sesión terminó. Ingrese de nuevo para continuar.",
            "Session ended", "Your session ended. Sign in again to continue."),
    CSRF(HttpStatus.FORBIDDEN, "csrf",
            "Solicitud rechazada", "La página expiró. Recárguela e inténtelo de nuevo.",
            "Request refused", "The page expired. Reload it and try again."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not_found",
            "No encontrado", "La dirección solicitada no existe.",
            "Not found", "The requested address does not exist."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
            "Método no permitido", "La dirección solicitada no admite este método.",
            "Method not allowed", "The requested address does not take this method."),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
            "Tipo de contenido no admitido", "El tipo de contenido de la solicitud no se admite.",
            "Unsupported content type", "The content type of the request is not supported."),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
            "Error interno", "Ocurrió un error inesperado. Intente más tarde.",
            "Internal error", "An unexpected error occurred. Please try again later."),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
            "Servicio no disponible", "El servicio no está disponible en este momento. Intente más tarde.",
            "Service unavailable", "The service is not available right now. Please try again later."),
    REJECTED(HttpStatus.BAD_REQUEST, "request_rejected",
            "Solicitud no válida", "La dirección o los encabezados de la solicitud no son válidos.",
            "Invalid request", "The address or the headers of the request are not valid."),
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too_large",
            "Archivo demasiado grande", "El archivo excede el tamaño máximo permitido.",
            "File too large", "The file exceeds the maximum allowed size."),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri_too_long",
            "Dirección demasiado larga", "La dirección de la solicitud es demasiado larga.",
            "Address too long", "The address of the request is too long."),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large",
            "Encabezados demasiado grandes", "La solicitud tiene demasiados encabezados o encabezados demasiado grandes.",
            "Headers too large", "The request has too many headers or headers that are too large."),
    HTTP_VERSION_NOT_SUPPORTED(HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "http_version_not_supported",
            "Versión de HTTP no admitida", "El servidor admite HTTP/1.0 y HTTP/1.1.",
            "HTTP version not supported", "The server takes HTTP/1.0 and HTTP/1.1."),
    LENGTH_REQUIRED(HttpStatus.LENGTH_REQUIRED, "length_required",
            "Solicitud no válida", "La solicitud debe indicar su tamaño (Content-Length).",
            "Invalid request", "The request must state its size (Content-Length)."),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
            "Demasiadas solicitudes", "Se hicieron demasiadas solicitudes seguidas. Espere un momento e inténtelo de nuevo.",
            "Too many requests", "Too many requests in a row. Wait a moment and try again.");

    /** When a client may try again after {@link #UNAVAILABLE} ({@code Retry-After}, seconds). */
    private static final String RETRY_UNAVAILABLE_AFTER = "10";

    /** How long a refused body is read at most: 10 MB take milliseconds here, a slow client is cut off. */
    static final Duration DRAIN_TIME = Duration.ofSeconds(10);

    private final HttpStatus status;
    private final String code;
    private final String spanishTitle;
    private final String spanishDetail;
    private final String englishTitle;
    private final String englishDetail;

    GatewayProblem(HttpStatus status, String code, String spanishTitle, String spanishDetail, String englishTitle,
            String englishDetail) {
        this.status = status;
        this.code = code;
        this.spanishTitle = spanishTitle;
        this.spanishDetail = spanishDetail;
        this.englishTitle = englishTitle;
        this.englishDetail = englishDetail;
    }

    public HttpStatus status() {
        return status;
    }

    /** The body, in the language the request prefers; in Spanish when its {@code Accept-Language} cannot be read. */
    public String body(ServerWebExchange exchange) {
        try {
            return body(exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream()
                    .findFirst().map(locale -> locale.getLanguage().equals("en")).orElse(false));
        } catch (IllegalArgumentException unreadableLanguages) {
            return body(false);
        }
    }

    /** The body, in English or else in Spanish. */
    public String body(boolean english) {
        return "{\"title\":\"" + (english ? englishTitle : spanishTitle) + "\",\"status\":" + status.value()
                + ",\"code\":\"" + code + "\",\"detail\":\"" + (english ? englishDetail : spanishDetail) + "\"}";
    }

    /**
     * Answers a request refused without routing it, body and all: the body is read and dropped first (for at most
     * {@link #DRAIN_TIME}), then the answer is written and the connection closed. Closed while the client was still
     * sending, the connection would be reset, and with it the answer on its way: the client would see no answer.
     * A client waiting for {@code 100 Continue} before it sends the body ({@code Expect: 100-continue}, as curl does
     * for large uploads) has sent none: it gets the answer at once, and the body never comes (reading it would have
     * asked for it).
     */
    public Mono<Void> writeAfterDroppingBody(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setConnection("close");
        if ("100-continue".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(HttpHeaders.EXPECT))) {
            return write(exchange);
        }
        return exchange.getRequest().getBody().take(DRAIN_TIME).doOnNext(DataBufferUtils::release)
                .onErrorComplete().then(Mono.defer(() -> write(exchange)));
    }

    /** Answers the exchange with this problem ({@link #UNAVAILABLE} with {@code Retry-After}). */
    public Mono<Void> write(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (this == UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_UNAVAILABLE_AFTER);
        }
        return response.writeWith(Mono.just(response.bufferFactory()
                .wrap(body(exchange).getBytes(StandardCharsets.UTF_8))));
    }
}
