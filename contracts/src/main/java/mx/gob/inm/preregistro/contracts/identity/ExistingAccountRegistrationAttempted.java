package mx.gob.inm.preregistro.contracts.identity;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/**
 * Someone tried to create an account with an e-mail that already has one. The response never reveals this
 * (R-ACC-7); instead the owner of the e-mail is told, and pointed to sign-in or recovery.
 *
 * @param accountActive whether the existing account is active (sign in / recover password) or still waits
 *                      for activation (ask for a new activation link)
 */
public record ExistingAccountRegistrationAttempted(
        String accountId,
        String email,
        String givenNames,
        Language language,
        boolean accountActive) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
