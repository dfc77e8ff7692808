package mx.gob.inm.preregistro.contracts.documents;

import java.time.LocalDate;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * A registered document passed validation (ICAO 9303 check digits, at least 6 months of validity, R-DOC-5)
 * and may be used for services until it expires or is deleted.
 */
public record DocumentValidated(
        UUID documentId,
        String accountId,
        String documentType,
        String issuingState,
        String nationality,
        DocumentClassification classification,
        LocalDate expiryDate) implements DomainEvent {

    @Override
    public String aggregateId() {
        return documentId.toString();
    }
}
