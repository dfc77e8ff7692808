package mx.gob.inm.preregistro.contracts.documents;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/** The traveller deleted a document that had no service record (R-DOC-9). */
public record DocumentDeleted(
        UUID documentId,
        String accountId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return documentId.toString();
    }
}
