package mx.gob.inm.preregistro.identity.keycloak;

/** Keycloak already has a user with this e-mail (answered 409: another registration got there first). */
public class UserExistsException extends RuntimeException {

    public UserExistsException(String email) {
        super("Keycloak already has a user for this e-mail");
    }
}
