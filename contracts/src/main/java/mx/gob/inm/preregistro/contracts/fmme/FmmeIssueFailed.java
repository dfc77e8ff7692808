package mx.gob.inm.preregistro.contracts.fmme;

import java.util.UUID;
import mx.gob.inm.preregistro.contracts.DomainEvent;

/**
 * The FMME for an approved pre-registration could not be generated after retries; the history shows it as
 * not delivered so the traveller can ask to recover it (R-FMM-3).
 *
 * @param reason a short technical reason, for operators
 */
public record FmmeIssueFailed(
        UUID preregistrationId,
        String accountId,
        String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return preregistrationId.toString();
    }
}
