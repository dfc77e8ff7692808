package mx.gob.inm.preregistro.gateway.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The signed-in traveller's access token for each routed call ({@code CachedTokenRelay} asks this manager): the
 * session's token, refreshed at Keycloak's token endpoint when it is due (a minute before it expires), as Spring
 * Security does by default, with two differences:
 * <ul>
 * <li>Keycloak's answer to a refresh is waited for {@link #CONNECT_TIMEOUT} to connect and {@link #RESPONSE_TIMEOUT}
 * to answer, not for ever: a Keycloak that hangs would otherwise hold every call of every traveller whose token is
 * due.</li>
 * <li>What goes wrong is answered as a problem, not a 500. A refresh Keycloak refuses ({@code invalid_grant}: the
 * Keycloak session ended, signed out elsewhere, idle too long, revoked by an administrator) ends the gateway's
 * session too: the call is a 401 {@code session_expired}, {@code /api/session} says nobody is signed in, and the UI
 * offers INGRESAR. A refresh Keycloak cannot answer (down, too slow, failing) is a 503 and keeps the session: its
 * next call tries again, and goes through once Keycloak is back.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenRefresh {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(AccessTokenRefresh.class);

    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        WebClientReactiveRefreshTokenTokenResponseClient refreshes = new WebClientReactiveRefreshTokenTokenResponseClient();
        refreshes.setWebClient(KeycloakCalls.timeLimited(CONNECT_TIMEOUT, RESPONSE_TIMEOUT));
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.accessTokenResponseClient(refreshes))
                .build());
        return request -> manager.authorize(request).onErrorResume(AccessTokenRefresh::answered);
    }

    /** A failed authorization as the error the caller gets: a problem the gateway's error handler answers. */
    private static Mono<OAuth2AuthorizedClient> answered(Throwable error) {
        if (error instanceof ClientAuthorizationRequiredException) {
            return Mono.error(error);   // nothing to refresh: Spring Security's own answer (sign in)
        }
        if (error instanceof OAuth2AuthorizationException refused
                && OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode())) {
            return Mono.deferContextual(context -> context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                            .map(exchange -> exchange.getSession().flatMap(WebSession::invalidate))
                            .orElse(Mono.empty()))
                    .then(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                            "Keycloak refused to refresh the session's token", error)));
        }
        if (error instanceof OAuth2AuthorizationException || error instanceof WebClientException) {
            log.warn("Keycloak did not refresh a session's access token: {}", error.toString());
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Keycloak did not refresh the session's token", error));
        }
        return Mono.error(error);
    }
}
