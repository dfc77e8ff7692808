package mx.gob.inm.preregistro.fmme.seal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the signed seal of an FMME vouches for (R-FMM-5): enough for an officer or an airline to match the form to
 * the passport and flight in front of them, and nothing more (no birth date, no address).
 *
 * @param flight     the flight number as printed on the ticket
 * @param issuedAt   when the form was issued (second precision)
 * @param validUntil the end of the form's validity (second precision)
 */
public record SealContent(
        String folio,
        String surname,
        String givenNames,
        String documentNumber,
        String nationality,
        LocalDate entryDate,
        String flight,
        Instant issuedAt,
        Instant validUntil) {
}
