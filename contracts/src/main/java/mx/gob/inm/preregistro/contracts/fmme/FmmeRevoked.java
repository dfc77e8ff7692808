package mx.gob.inm.preregistro.contracts.fmme;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/** An issued FMME stopped being valid (R-FMM-4); verification answers {@code REVOKED} for its seal. */
public record FmmeRevoked(
        UUID preregistrationId,
        String folio,
        String accountId,
        Reason reason) implements DomainEvent {

    /** Why the form was revoked. */
    public enum Reason {
        /** The pre-registration was cancelled. */
        PREREGISTRATION_CANCELLED,
        /** The flight was rescheduled; a new form replaces this one. */
        RESCHEDULED,
        /** The account was closed. */
        ACCOUNT_CLOSED
    }

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}
