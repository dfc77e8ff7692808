package mx.gob.inm.preregistro.gateway.security;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Tells the UI whether someone is signed in, as whom (for the header's account menu), and with which of the portal's
 * roles (an operator's menu has the operators' pages). The roles come from the ID token's {@code realm_roles} claim
 * (a mapper of the realm's gateway client); they only choose what the UI shows, every API checks them again.
 */
@RestController
class SessionController {

    /** The realm roles the UI knows; Keycloak's own (offline_access, default-roles-inm...) are left out. */
    private static final Set<String> PORTAL_ROLES = Set.of("traveller", "operator", "airline");

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
                            "email", user.getEmail() == null ? "" : user.getEmail(),
                            "roles", rolesOf(user));
                })
                .defaultIfEmpty(Map.of("authenticated", false));
    }

    private static List<String> rolesOf(OidcUser user) {
        List<String> roles = user.getClaimAsStringList("realm_roles");
        return roles == null ? List.of() : roles.stream().filter(PORTAL_ROLES::contains).sorted().toList();
    }
}
