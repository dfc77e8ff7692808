package mx.gob.inm.preregistro.gateway.security;

import java.security.Principal;
import java.util.Map;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Tells the UI whether someone is signed in, and as whom (for the header's account menu). */
@RestController
class SessionController {

    @GetMapping("/api/session")
    Mono<Map<String, Object>> session(Mono<Principal> principal) {
        return principal
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(OAuth2AuthenticationToken.class::cast)
                .filter(token -> token.getPrincipal() instanceof OidcUser)
                .map(token -> {
                    OidcUser user = (OidcUser) token.getPrincipal();
                    return Map.<String, Object>of("authenticated", true,
                            "name", user.getFullName() == null ? "" : user.getFullName(),
                            "email", user.getEmail() == null ? "" : user.getEmail());
                })
                .defaultIfEmpty(Map.of("authenticated", false));
    }
}
