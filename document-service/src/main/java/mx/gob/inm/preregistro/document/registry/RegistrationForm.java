package mx.gob.inm.preregistro.document.registry;

/**
 * The body of {@code POST /api/documents} as API.md names it: the passport's data as the traveller confirmed it
 * (pre-filled from the scan). Every field is a string so that a wrong type is a 400 on that field, checked by
 * {@link DocumentRules}.
 */
public record RegistrationForm(
        String scanId,
        String documentType,
        String issuingState,
        String documentNumber,
        String surname,
        String givenNames,
        String nationality,
        String birthDate,
        String sex,
        String expiryDate,
        String personalNumber,
        String classification,
        String captchaId,
        String captchaAnswer) {
}
