package mx.gob.inm.preregistro.contracts.preregistration;

import java.time.LocalDate;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * A pre-registration was cancelled (status Cancelado); its FMME and QR stop being valid (R-FMM-4).
 *
 * @param supersededBy the pre-registration that replaced it when {@code reason} is {@code SUPERSEDED},
 *                     otherwise {@code null}
 */
public record PreRegistrationCancelled(
        UUID preregistrationId,
        String accountId,
        UUID documentId,
        LocalDate entryDate,
        Reason reason,
        UUID supersededBy) implements DomainEvent {

    /** Why it was cancelled. */
    public enum Reason {
        /** A new pre-registration with the same entry date replaced it (R-PRE-10). */
        SUPERSEDED,
        /** The account was closed (R-ENT-5). */
        ACCOUNT_CLOSED
    }

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}
