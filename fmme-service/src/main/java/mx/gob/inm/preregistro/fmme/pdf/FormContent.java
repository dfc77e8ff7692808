package mx.gob.inm.preregistro.fmme.pdf;

import java.time.Instant;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;

/**
 * Everything printed on the FMME and the QR receipt of one form.
 *
 * @param approval   the approved pre-registration: traveller, document, trip, lodging
 * @param seal       the signed seal the QR carries
 * @param validUntil the end of the form's validity
 */
public record FormContent(
        String folio,
        PreRegistrationApproved approval,
        Instant issuedAt,
        Instant validUntil,
        String seal) {
}
