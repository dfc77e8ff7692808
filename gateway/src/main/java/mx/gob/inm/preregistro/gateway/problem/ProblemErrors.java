package mx.gob.inm.preregistro.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.gateway.ui.PageAddresses;

/**
 * What no route, controller or filter of the gateway answered itself, in the problem+json shape of every other
 * error instead of Spring Boot's error JSON: an address the gateway does not know ({@code 404}; the actuator among
 * them, which answers on the management port only), a method the address does not take ({@code 405}), a content
 * type it does not read ({@code 415}), a signed-in session whose token Keycloak would not refresh ({@code 401}: the
 * session ended) or could not ({@code 503}; {@code security.AccessTokenRefresh}), any other refusal ({@code 400}),
 * a media type in the request's headers that cannot be read ({@code 400}; Spring Boot's route to the portal's page
 * parses {@code Accept}, and failed on {@code *}{@code /*;q=abc} with a 500), and a failure of the gateway itself
 * ({@code 500}, which says nothing of its cause; the log does). A browser asking for a page at an address the
 * gateway does not know is sent to the portal's route of that name instead ({@link PageAddresses}).
 */
@Component
@Order(-2)   // before Spring Boot's own handler (-1)
class ProblemErrors implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        GatewayProblem problem = error instanceof InvalidMediaTypeException ? GatewayProblem.REJECTED
                : problemOf(error instanceof ResponseStatusException refused
                        ? refused.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR);
        if (problem == GatewayProblem.NOT_FOUND && PageAddresses.isPageRequest(exchange.getRequest())) {
            return PageAddresses.redirectToRoute(exchange);
        }
        if (problem == GatewayProblem.INTERNAL) {
            log.error("{} {} failed in the gateway", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error);
        }
        return problem.write(exchange);
    }

    private static GatewayProblem problemOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> GatewayProblem.SESSION_EXPIRED;
            case 404 -> GatewayProblem.NOT_FOUND;
            case 405 -> GatewayProblem.METHOD_NOT_ALLOWED;
            case 413 -> GatewayProblem.TOO_LARGE;
            case 415 -> GatewayProblem.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> GatewayProblem.UNAVAILABLE;
            default -> status.is4xxClientError() ? GatewayProblem.REJECTED : GatewayProblem.INTERNAL;
        };
    }
}
