package mx.gob.inm.preregistro.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The authorities of a Keycloak access token: its scopes ({@code SCOPE_...}, Spring's default) and the realm roles
 * in {@code realm_access.roles} as {@code ROLE_...}, so {@code hasRole("operator")} means Keycloak's realm role.
 */
final class KeycloakRealmRoles {

    private static final JwtGrantedAuthoritiesConverter SCOPES = new JwtGrantedAuthoritiesConverter();

    private KeycloakRealmRoles() {
    }

    static AbstractAuthenticationToken authenticationOf(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(SCOPES.convert(jwt));
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof List<?> roles) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
