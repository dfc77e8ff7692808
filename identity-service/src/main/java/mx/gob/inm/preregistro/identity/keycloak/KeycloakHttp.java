package mx.gob.inm.preregistro.identity.keycloak;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How identity-service calls Keycloak (registration, activation, recovery, the account's pages all wait for it): at
 * most {@link #CONNECT_TIMEOUT} to connect and {@link #READ_TIMEOUT} for an answer, and through a circuit breaker
 * that, once half of the last calls failed (no connection, no answer in time, a 5xx), refuses the next ones at once
 * for {@link #OPEN_FOR} instead of holding a request thread each. A refused or failed call is an I/O error to the
 * caller ({@code ResourceAccessException}), which the platform answers as a 503 problem with {@code Retry-After}.
 */
final class KeycloakHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final Duration OPEN_FOR = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(KeycloakHttp.class);

    private KeycloakHttp() {
    }

    static RestClient client(String baseUrl) {
        JdkClientHttpRequestFactory timeLimited = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        timeLimited.setReadTimeout(READ_TIMEOUT);
        return RestClient.builder().baseUrl(baseUrl).requestFactory(timeLimited)
                .requestInterceptor(guardedBy(breaker())).build();
    }

    static CircuitBreaker breaker() {
        CircuitBreaker breaker = CircuitBreaker.of("keycloak", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_FOR)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(IOException.class)
                .recordResult(result -> result instanceof ClientHttpResponse response && serverError(response))
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.warn("Keycloak circuit {}", event.getStateTransition()));
        return breaker;
    }

    /** Each call through the breaker: an I/O error or a 5xx counts against Keycloak, a refusal while open is one. */
    static ClientHttpRequestInterceptor guardedBy(CircuitBreaker breaker) {
        return (request, body, execution) -> {
            try {
                return breaker.executeCheckedSupplier(() -> execution.execute(request, body));
            } catch (CallNotPermittedException open) {
                throw new IOException("Keycloak's circuit is open: " + open.getMessage(), open);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Throwable other) {
                throw new IOException(other);
            }
        };
    }

    private static boolean serverError(ClientHttpResponse response) {
        try {
            return response.getStatusCode().is5xxServerError();
        } catch (IOException unreadable) {
            return true;
        }
    }
}
