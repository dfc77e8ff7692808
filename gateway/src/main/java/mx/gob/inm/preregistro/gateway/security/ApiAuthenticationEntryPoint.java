package mx.gob.inm.preregistro.gateway.security;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** An API call without a session: 401 in the platform's problem+json shape (the UI then offers INGRESAR). */
final class ApiAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        boolean english = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream()
                .findFirst().map(locale -> locale.getLanguage().equals("en")).orElse(false);
        String body = english
                ? "{\"title\":\"Not signed in\",\"status\":401,\"code\":\"unauthenticated\",\"detail\":\"Sign in to continue.\"}"
                : "{\"title\":\"Sesión no iniciada\",\"status\":401,\"code\":\"unauthenticated\",\"detail\":\"Ingrese para continuar.\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
