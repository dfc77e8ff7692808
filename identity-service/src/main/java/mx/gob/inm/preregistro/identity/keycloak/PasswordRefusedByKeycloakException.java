package mx.gob.inm.preregistro.identity.keycloak;

/** Keycloak refused the password under the realm's policy (answered 400 on user creation). */
public class PasswordRefusedByKeycloakException extends RuntimeException {

    public PasswordRefusedByKeycloakException(String detail) {
        super("Keycloak refused the password: " + detail);
    }
}
