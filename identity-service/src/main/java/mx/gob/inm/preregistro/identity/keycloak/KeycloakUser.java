package mx.gob.inm.preregistro.identity.keycloak;

import java.util.Map;

/** What identity-service reads of a Keycloak user. */
public record KeycloakUser(String id, String email, String firstName, String lastName, boolean enabled,
        Map<String, String> attributes) {
}
