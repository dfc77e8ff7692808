package mx.gob.inm.preregistro.identity.profile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.identity.keycloak.KeycloakUser;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUsers;

/** The signed-in traveller's own account data (R-ACC-9 "Información"), read from Keycloak, the only store. */
@RestController
class ProfileController {

    private final KeycloakUsers users;

    ProfileController(KeycloakUsers users) {
        this.users = users;
    }

    @GetMapping("/api/accounts/me")
    Map<String, String> me(@AuthenticationPrincipal Jwt token) {
        KeycloakUser user = users.get(token.getSubject());
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("email", user.email());
        profile.put("givenNames", user.firstName());
        profile.put("firstSurname", user.lastName());
        profile.put("secondSurname", user.attributes().getOrDefault("secondSurname", ""));
        profile.put("nationality", user.attributes().get("nationality"));
        profile.put("birthDate", user.attributes().get("birthDate"));
        return profile;
    }
}
