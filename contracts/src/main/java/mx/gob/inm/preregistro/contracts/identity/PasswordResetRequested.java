package mx.gob.inm.preregistro.contracts.identity;

import java.time.Instant;
import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/** The holder of an account asked to recover a forgotten password (R-ACC-7 a): a single-use reset link. */
public record PasswordResetRequested(
        String accountId,
        String email,
        String givenNames,
        Language language,
        String resetLink,
        Instant resetExpiresAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
