package mx.gob.inm.preregistro.gateway.security;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes (not GET, HEAD, OPTIONS, TRACE) need the CSRF token, except on the paths given. */
final class CsrfProtectedRequests implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final ServerWebExchangeMatcher exempt;

    CsrfProtectedRequests(ServerWebExchangeMatcher exempt) {
        this.exempt = exempt;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            return MatchResult.notMatch();
        }
        return exempt.matches(exchange).flatMap(result -> result.isMatch() ? MatchResult.notMatch() : MatchResult.match());
    }
}
