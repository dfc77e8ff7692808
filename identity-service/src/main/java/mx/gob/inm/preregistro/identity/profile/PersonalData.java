package mx.gob.inm.preregistro.identity.profile;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.identity.account.Account;
import mx.gob.inm.preregistro.identity.account.Accounts;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUser;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUsers;
import mx.gob.inm.preregistro.platform.outbox.Outbox;

/**
 * ARCO rights over the account (R-ENT-5): access (everything identity-service and Keycloak hold about the holder)
 * and cancellation (the account closed: its personal data erased here, the Keycloak user deleted with its
 * credentials and sessions, and {@code AccountClosed} published so every other service erases its part and the
 * holder gets a confirmation e-mail).
 */
@Service
class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

    private final KeycloakUsers keycloak;
    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;

    PersonalData(KeycloakUsers keycloak, Accounts accounts, Outbox outbox, Clock clock) {
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    Map<String, Object> export(String accountId) {
        KeycloakUser user = keycloak.get(accountId);
        Optional<Account> account = accounts.findById(accountId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", accountId);
        data.put("email", user.email());
        data.put("givenNames", user.firstName());
        data.put("firstSurname", user.lastName());
        data.put("attributes", user.attributes());
        data.put("enabled", user.enabled());
        data.put("language", account.map(Account::language).orElse(null));
        data.put("registeredAt", account.map(Account::registeredAt).orElse(null));
        data.put("exportedAt", clock.instant());
        data.put("heldElsewhere", Map.of(
                "documents", "/api/documents",
                "scans", "/api/documents/scans",
                "preregistrations", "/api/preregistrations",
                "mails", "/api/notifications"));
        return data;
    }

    /** Closes the account; calling it again (say, after Keycloak was down) finishes what is left. */
    void close(String accountId) {
        Optional<Account> account = accounts.findById(accountId);
        if (account.map(Account::closedAt).isEmpty()) {
            KeycloakUser user = keycloak.get(accountId);
            Language language = account.map(Account::language).orElse(Language.es);
            accounts.close(accountId, clock.instant(), outbox.entryFor(
                    new AccountClosed(accountId, user.email(), user.firstName(), language), accountId));
        }
        keycloak.delete(accountId);
        log.info("Account {} closed at its holder's request", accountId);
    }
}
