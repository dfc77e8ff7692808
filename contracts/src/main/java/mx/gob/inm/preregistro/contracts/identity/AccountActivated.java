package mx.gob.inm.preregistro.contracts.identity;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/** The holder followed a valid activation link; the account can sign in from now on (R-ACC-6). */
public record AccountActivated(
        String accountId,
        String email,
        String givenNames,
        Language language) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
