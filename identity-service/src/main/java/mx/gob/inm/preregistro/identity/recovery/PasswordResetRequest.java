package mx.gob.inm.preregistro.identity.recovery;

/** The body of {@code POST /api/accounts/password-reset}. */
public record PasswordResetRequest(String token, String password, String passwordConfirmation) {
}
