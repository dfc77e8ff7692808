package mx.gob.inm.preregistro.contracts.identity;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/**
 * The holder asked to cancel the account (ARCO erasure, R-ENT-5). Every service erases the personal data it
 * holds for {@code accountId}, keeping only what the law requires; the holder gets a confirmation e-mail.
 */
public record AccountClosed(
        String accountId,
        String email,
        String givenNames,
        Language language) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
