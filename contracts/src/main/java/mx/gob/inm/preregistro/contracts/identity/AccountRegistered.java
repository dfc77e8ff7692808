package mx.gob.inm.preregistro.contracts.identity;

import java.time.Instant;
import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/**
 * A new account was created and waits for activation (R-ACC-5, R-ACC-6): the holder is e-mailed the
 * "Activar cuenta" link, valid until {@code activationExpiresAt} (72 hours).
 */
public record AccountRegistered(
        String accountId,
        String email,
        String givenNames,
        String firstSurname,
        Language language,
        String activationLink,
        Instant activationExpiresAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
