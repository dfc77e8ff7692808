package mx.gob.inm.preregistro.identity.recovery;

/** The body of {@code POST /api/accounts/recovery}; {@code type} is PASSWORD or ACTIVATION. */
public record RecoveryRequest(String email, String type, String captchaId, String captchaAnswer) {
}
