package mx.gob.inm.preregistro.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.gateway.problem.GatewayProblem;

/**
 * Answers a {@link LimitedCall} over its client's limit with {@code 429} problem+json and {@code Retry-After} (whole
 * seconds), before Spring Security (so INGRESAR is counted too) and before any service is bothered. A client is the
 * request's remote address, or for uploads the gateway session when one exists (the traveller's, after sign-in).
 * Counts {@code preregistro_gateway_rate_limited_total{call}}.
 */
final class RateLimitFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100). */
    static final int ORDER = -150;

    private final Map<LimitedCall, TokenBuckets> buckets = new EnumMap<>(LimitedCall.class);
    private final Clock clock;
    private final MeterRegistry meters;

    RateLimitFilter(RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        for (LimitedCall call : LimitedCall.values()) {
            buckets.put(call, new TokenBuckets(call.limit(properties), properties.maxClients()));
        }
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return LimitedCall.of(exchange.getRequest())
                .map(call -> client(exchange, call).flatMap(client -> {
                    Duration wait = buckets.get(call).take(call.name() + ':' + client, clock.instant());
                    return wait.isZero() ? chain.filter(exchange) : refuse(exchange, call, wait);
                }))
                .orElseGet(() -> chain.filter(exchange));
    }

    private static Mono<String> client(ServerWebExchange exchange, LimitedCall call) {
        if (!call.perSession()) {
            return Mono.just(address(exchange));
        }
        return exchange.getSession()
                .map(session -> session.isStarted() ? "session:" + session.getId() : address(exchange))
                .defaultIfEmpty(address(exchange));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private Mono<Void> refuse(ServerWebExchange exchange, LimitedCall call, Duration wait) {
        meters.counter("preregistro_gateway_rate_limited", "call", call.name().toLowerCase()).increment();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        HttpHeaders request = exchange.getRequest().getHeaders();
        if (request.getContentLength() > 0 || request.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return GatewayProblem.RATE_LIMITED.writeAfterDroppingBody(exchange);   // an upload, perhaps megabytes
        }
        return GatewayProblem.RATE_LIMITED.write(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
