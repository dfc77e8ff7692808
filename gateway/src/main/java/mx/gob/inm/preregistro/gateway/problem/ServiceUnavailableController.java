package mx.gob.inm.preregistro.gateway.problem;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a call whose service is down, too slow or failing: a 503 problem+json the UI
 * shows as "El servicio no está disponible en este momento", instead of a bare 500 or a browser left waiting.
 */
@RestController
class ServiceUnavailableController {

    @RequestMapping("/fallback/unavailable")
    Mono<Void> unavailable(ServerWebExchange exchange) {
        return GatewayProblem.UNAVAILABLE.write(exchange);
    }
}
