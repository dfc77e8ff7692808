package mx.gob.inm.preregistro.contracts.preregistration;

import java.time.LocalDate;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * An approved pre-registration was changed because the flight was rescheduled (R-PRE-11); {@code trip} holds
 * the new travel data. It is decided again: {@link PreRegistrationApproved} or {@link PreRegistrationRejected}
 * follows.
 */
public record PreRegistrationAmended(
        UUID preregistrationId,
        String accountId,
        UUID documentId,
        LocalDate previousEntryDate,
        Trip trip) implements DomainEvent {

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}
