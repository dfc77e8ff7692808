package mx.gob.inm.preregistro.gateway.routing;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.gateway.problem.GatewayProblem;

/**
 * Refuses a request body larger than any service accepts (an upload is at most 2 MB, its multipart request 3 MB)
 * before it is routed: {@code 413} problem+json, the same {@code too_large} the services answer. Letting it
 * through, the service would answer 413 after a few megabytes and close the connection while the gateway was still
 * sending, and the gateway would see a reset: a failure of the route, shown as "service unavailable" and counted
 * against its circuit breaker. A body that does not state its length ({@code Transfer-Encoding: chunked}) cannot be
 * measured up front: {@code 411}. Browsers, the UI and HTTP clients state it for every form, file and JSON body.
 */
final class BodySizeLimit implements WebFilter, Ordered {

    /** First of all: before the rate limits (-150) and Spring Security (-100). */
    static final int ORDER = -200;

    private final long maxBytes;

    BodySizeLimit(DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long length = headers.getContentLength();
        if (length > maxBytes) {
            return GatewayProblem.TOO_LARGE.writeAfterDroppingBody(exchange);
        }
        if (length < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return GatewayProblem.LENGTH_REQUIRED.writeAfterDroppingBody(exchange);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
