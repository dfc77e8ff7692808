package mx.gob.inm.preregistro.contracts.preregistration;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * The answer to {@code DocumentDeletionRequested} when no pre-registration was submitted with the document: none
 * ever will be, its drafts are erased, and document-service may delete it (R-DOC-9). Keyed by the document id.
 * When a submission came first there is no answer: its {@code PreRegistrationSubmitted} cancels the deletion.
 */
public record DocumentWithdrawn(
        UUID documentId,
        String accountId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return documentId.toString();
    }
}
