package mx.gob.inm.preregistro.identity.registration;

/** The body of {@code POST /api/accounts} as API.md names it; every field is checked by {@link RegistrationRules}. */
public record RegistrationRequest(
        String givenNames,
        String firstSurname,
        String secondSurname,
        String nationality,
        String birthDate,
        String sex,
        String email,
        String emailConfirmation,
        String password,
        String passwordConfirmation,
        Boolean privacyAccepted,
        String captchaId,
        String captchaAnswer,
        String language) {
}
