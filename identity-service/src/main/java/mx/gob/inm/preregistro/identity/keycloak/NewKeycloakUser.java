package mx.gob.inm.preregistro.identity.keycloak;

import java.util.Map;

/** A user to create: disabled, e-mail not verified, with the password and the account's attributes. */
public record NewKeycloakUser(String email, String firstName, String lastName, String password,
        Map<String, String> attributes) {
}
