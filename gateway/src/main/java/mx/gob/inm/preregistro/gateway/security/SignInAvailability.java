package mx.gob.inm.preregistro.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * INGRESAR while Keycloak does not answer: the browser would follow the gateway's redirect to Keycloak's login page
 * and meet its own "this site can't be reached". Before that redirect the gateway asks Keycloak for the realm's
 * keys (at the address it uses itself, {@code KEYCLOAK_URL}; it needs them to complete the sign-in anyway), waiting
 * at most {@link #CONNECT_TIMEOUT} and {@link #RESPONSE_TIMEOUT}; without an answer the browser goes to the
 * portal's page "No fue posible ingresar" instead, which offers INGRESAR again. An answer is trusted for
 * {@link #KEPT_FOR}, so a crowd signing in asks Keycloak once; no answer is not remembered, so INGRESAR works again
 * the moment Keycloak is back.
 */
final class SignInAvailability implements WebFilter, Ordered {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);
    static final Duration KEPT_FOR = Duration.ofSeconds(5);
    /** Where INGRESAR starts: Spring Security's authorization request redirect. */
    private static final String SIGN_IN = "/oauth2/authorization/";

    private static final Logger log = LoggerFactory.getLogger(SignInAvailability.class);

    private final URI keys;
    private final Clock clock;
    private final WebClient http = KeycloakCalls.timeLimited(CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
    /** When Keycloak last answered. */
    private volatile Instant answeredAt = Instant.MIN;

    SignInAvailability(URI keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return -140;   // after the rate limits (INGRESAR is counted first), before Spring Security (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET
                || !exchange.getRequest().getPath().pathWithinApplication().value().startsWith(SIGN_IN)) {
            return chain.filter(exchange);
        }
        return keycloakAnswers().flatMap(answers -> {
            if (answers) {
                return chain.filter(exchange);
            }
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(URI.create(SecurityConfiguration.SIGN_IN_FAILED));
            return exchange.getResponse().setComplete();
        });
    }

    private Mono<Boolean> keycloakAnswers() {
        if (answeredAt.plus(KEPT_FOR).isAfter(clock.instant())) {
            return Mono.just(true);
        }
        return http.get().uri(keys).retrieve().toBodilessEntity()
                .map(response -> {
                    answeredAt = clock.instant();
                    return true;
                })
                .onErrorResume(error -> {
                    log.warn("Keycloak does not answer ({}): INGRESAR goes to the portal's page instead", error.toString());
                    return Mono.just(false);
                });
    }
}
