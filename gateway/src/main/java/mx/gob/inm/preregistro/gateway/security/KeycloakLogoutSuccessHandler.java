package mx.gob.inm.preregistro.gateway.security;

import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Sign-out also ends the Keycloak session (RP-initiated logout), then brings the user back to the portal. */
final class KeycloakLogoutSuccessHandler implements ServerLogoutSuccessHandler {

    private final GatewayProperties properties;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    KeycloakLogoutSuccessHandler(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        UriComponentsBuilder logout = UriComponentsBuilder.fromUriString(properties.keycloakPublicUrl())
                .path("/realms/inm/protocol/openid-connect/logout")
                .queryParam("client_id", "gateway")
                .queryParam("post_logout_redirect_uri", properties.publicBaseUrl() + "/");
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            logout.queryParam("id_token_hint", user.getIdToken().getTokenValue());
        }
        URI target = logout.encode().build().toUri();
        return redirect.sendRedirect(exchange.getExchange(), target);
    }
}
