package mx.gob.inm.preregistro.identity.profile;

/** The body of {@code POST /api/accounts/me/password} as API.md names it (R-ACC-9 Contraseña). */
public record PasswordChangeRequest(
        String currentPassword,
        String newPassword,
        String newPasswordConfirmation,
        String captchaId,
        String captchaAnswer) {
}
