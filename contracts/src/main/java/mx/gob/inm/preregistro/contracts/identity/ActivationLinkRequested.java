package mx.gob.inm.preregistro.contracts.identity;

import java.time.Instant;
import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/** A not-yet-active account asked for a new activation link (R-ACC-7 b); the previous link no longer works. */
public record ActivationLinkRequested(
        String accountId,
        String email,
        String givenNames,
        Language language,
        String activationLink,
        Instant activationExpiresAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
