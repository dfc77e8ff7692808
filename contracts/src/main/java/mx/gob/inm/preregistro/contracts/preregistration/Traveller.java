package mx.gob.inm.preregistro.contracts.preregistration;

import java.time.LocalDate;
import mx.gob.inm.preregistro.contracts.Sex;

/**
 * The traveller as the FMME prints them: the data of the registered passport plus the declared occupation.
 * Countries are ICAO 9303 codes.
 */
public record Traveller(
        String surname,
        String givenNames,
        String documentType,
        String documentNumber,
        String issuingState,
        String nationality,
        LocalDate birthDate,
        Sex sex,
        String occupation) {
}
