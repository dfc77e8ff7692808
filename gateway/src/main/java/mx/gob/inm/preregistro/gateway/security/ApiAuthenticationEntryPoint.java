package mx.gob.inm.preregistro.gateway.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.gateway.problem.GatewayProblem;

/** An API call without a session: 401 in the platform's problem+json shape (the UI then offers INGRESAR). */
final class ApiAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        return GatewayProblem.UNAUTHENTICATED.write(exchange);
    }
}
