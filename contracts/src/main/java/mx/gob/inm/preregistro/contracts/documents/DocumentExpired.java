package mx.gob.inm.preregistro.contracts.documents;

import java.time.LocalDate;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/** A document's expiry date passed; it can no longer be used for new services (R-DOC-10). */
public record DocumentExpired(
        UUID documentId,
        String accountId,
        LocalDate expiryDate) implements DomainEvent {

    @Override
    public String aggregateId() {
        return documentId.toString();
    }
}
