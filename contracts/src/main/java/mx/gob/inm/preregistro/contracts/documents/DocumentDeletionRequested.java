package mx.gob.inm.preregistro.contracts.documents;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * The traveller asked to delete a document without a service record known to document-service. The deletion waits
 * for preregistration-service's {@code DocumentWithdrawn}: only it knows whether a submission took the document on
 * the way (R-DOC-9).
 */
public record DocumentDeletionRequested(
        UUID documentId,
        String accountId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return documentId.toString();
    }
}
