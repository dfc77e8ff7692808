package mx.gob.inm.preregistro.gateway.problem;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a call whose service is down, too slow or failing: a 503 problem+json the UI
 * shows as "El servicio no está disponible en este momento", instead of a bare 500 or a browser left waiting.
 */
@RestController
class ServiceUnavailableController {

    @RequestMapping("/fallback/unavailable")
    ResponseEntity<String> unavailable(ServerWebExchange exchange) {
        return ResponseEntity.status(GatewayProblem.UNAVAILABLE.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "10")
                .body(GatewayProblem.UNAVAILABLE.body(exchange));
    }
}
