package mx.gob.inm.preregistro.gateway.routing;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import mx.gob.inm.preregistro.gateway.problem.GatewayProblem;

/**
 * Refuses a request with more header lines than the services take, before it is routed: {@code 431} problem+json.
 * The services' HTTP server (Tomcat) reads at most 100 lines and answers more with its own HTML error page; the
 * gateway adds a few of its own on the way (the forwarding headers, the correlation id, the traveller's token), so
 * it lets through fewer. A browser sends about twenty.
 */
final class HeaderCountLimit implements WebFilter, Ordered {

    private final int maxLines;

    HeaderCountLimit(int maxLines) {
        this.maxLines = maxLines;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (lines(exchange.getRequest()) > maxLines) {
            return GatewayProblem.HEADERS_TOO_LARGE.writeAfterDroppingBody(exchange);
        }
        return chain.filter(exchange);
    }

    /**
     * Header lines as received, a name repeated on several lines counted on each (as Tomcat counts them): Reactor
     * Netty's own headers (the gateway's only server) keep that count; Spring's view of them merges the names.
     */
    private static int lines(ServerHttpRequest request) {
        HttpServerRequest netty = ServerHttpRequestDecorator.getNativeRequest(request);
        return netty.requestHeaders().size();
    }

    @Override
    public int getOrder() {
        return BodySizeLimit.ORDER;
    }
}
