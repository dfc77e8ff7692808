package mx.gob.inm.preregistro.gateway.security;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keycloak's login page speaks the portal's language: {@code /oauth2/authorization/keycloak?lang=en} asks for
 * English, anything else for Spanish (OIDC {@code ui_locales}), whatever the browser's own preference.
 */
final class LoginLanguage implements ServerOAuth2AuthorizationRequestResolver {

    private final ServerOAuth2AuthorizationRequestResolver delegate;

    LoginLanguage(ServerOAuth2AuthorizationRequestResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return delegate.resolve(exchange).map(request -> withLanguage(request, exchange));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return delegate.resolve(exchange, clientRegistrationId).map(request -> withLanguage(request, exchange));
    }

    private static OAuth2AuthorizationRequest withLanguage(OAuth2AuthorizationRequest request,
            ServerWebExchange exchange) {
        String language = "en".equals(exchange.getRequest().getQueryParams().getFirst("lang")) ? "en" : "es";
        Map<String, Object> parameters = new HashMap<>(request.getAdditionalParameters());
        parameters.put("ui_locales", language);
        return OAuth2AuthorizationRequest.from(request).additionalParameters(parameters).build();
    }
}
