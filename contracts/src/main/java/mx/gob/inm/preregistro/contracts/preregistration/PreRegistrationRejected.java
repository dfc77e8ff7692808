package mx.gob.inm.preregistro.contracts.preregistration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * A pre-registration did not meet the requirements ("No Cumple con los Requisitos Solicitados", R-PRE-8).
 * No form is generated.
 *
 * @param failedRules       ids of the decision rules that failed; for operators and dashboards, never shown
 *                          to the traveller
 * @param retryBlockedUntil until when a new pre-registration for this document is refused (R-PRE-9)
 */
public record PreRegistrationRejected(
        UUID preregistrationId,
        String accountId,
        UUID documentId,
        LocalDate entryDate,
        List<String> failedRules,
        Instant retryBlockedUntil) implements DomainEvent {

    public PreRegistrationRejected {
        failedRules = failedRules == null ? null : List.copyOf(failedRules);
    }

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}
