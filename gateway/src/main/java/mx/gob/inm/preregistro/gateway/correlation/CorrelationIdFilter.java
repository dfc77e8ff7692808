package mx.gob.inm.preregistro.gateway.correlation;

import java.util.UUID;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.contracts.CorrelationHeader;

/**
 * Where a correlation id starts: every routed request carries one to the service (the caller's, when well formed,
 * or a new one), and the response tells it back, so a user can quote it and an operator can follow it through
 * every service's logs and events, once (the service's own echo of it is not repeated).
 */
@Component
class CorrelationIdFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(CorrelationHeader.NAME);
        String id = CorrelationHeader.accepts(offered) ? offered : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(CorrelationHeader.NAME, id)).build();
        ServerHttpResponse response = exchange.getResponse();
        // set as the answer is committed: the service's echo of the same id is copied in by then, and stays one
        response.beforeCommit(() -> {
            response.getHeaders().set(CorrelationHeader.NAME, id);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
