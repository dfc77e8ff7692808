package mx.gob.inm.preregistro.contracts.identity;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;

/** The password of an account changed (R-ACC-9 or a reset link); the holder is told, as a safeguard. */
public record PasswordChanged(
        String accountId,
        String email,
        String givenNames,
        Language language,
        Origin origin) implements DomainEvent {

    /** Where the change was made. */
    public enum Origin {
        /** "Contraseña" in the account menu, with the current password. */
        ACCOUNT_MENU,
        /** A password recovery link. */
        RESET_LINK
    }

    @Override
    public String aggregateId() {
        return accountId;
    }
}
