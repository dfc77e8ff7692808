package mx.gob.inm.preregistro.contracts.documents;

import java.time.LocalDate;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Sex;

/**
 * A traveller registered a passport in the account (R-DOC-4): the data as confirmed by the traveller, which
 * cannot change afterwards. Countries are ICAO 9303 codes ({@code COL}, {@code MEX}). It is followed by
 * {@link DocumentValidated} or {@link DocumentRejected}.
 *
 * @param documentType   the MRZ document code, {@code P} for passports
 * @param personalNumber the optional personal number of the MRZ, {@code null} when there is none
 */
public record DocumentRegistered(
        UUID documentId,
        String accountId,
        String documentType,
        String issuingState,
        String documentNumber,
        String surname,
        String givenNames,
        String nationality,
        LocalDate birthDate,
        Sex sex,
        LocalDate expiryDate,
        DocumentClassification classification,
        String personalNumber) implements DomainEvent {

    @Override
    public String aggregateId() {
        return documentId.toString();
    }
}
