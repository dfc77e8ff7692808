package mx.gob.inm.preregistro.contracts.documents;

import java.util.List;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * A registered document failed validation and cannot be used for services.
 *
 * @param reasons codes of the failed checks, e.g. {@code EXPIRY_TOO_SOON}, {@code CHECK_DIGIT_MISMATCH}
 */
public record DocumentRejected(
        UUID documentId,
        String accountId,
        List<String> reasons) implements DomainEvent {

    public DocumentRejected {
        reasons = reasons == null ? null : List.copyOf(reasons);
    }

    @Override
    public String aggregateId() {
        return documentId.toString();
    }
}
