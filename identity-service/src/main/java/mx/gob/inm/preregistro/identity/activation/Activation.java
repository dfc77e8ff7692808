package mx.gob.inm.preregistro.identity.activation;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.identity.AccountActivated;
import mx.gob.inm.preregistro.identity.account.Account;
import mx.gob.inm.preregistro.identity.account.Accounts;
import mx.gob.inm.preregistro.identity.account.ActivationToken;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUsers;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * Following the activation link (R-ACC-6): an unknown token → 400 on {@code token}, a used one → 409, one older
 * than 72 hours → 410; otherwise the Keycloak user is enabled with its e-mail verified and
 * {@code AccountActivated} is published.
 */
@Service
public class Activation {

    private static final Logger log = LoggerFactory.getLogger(Activation.class);

    private final Accounts accounts;
    private final KeycloakUsers keycloak;
    private final Outbox outbox;
    private final Clock clock;

    public Activation(Accounts accounts, KeycloakUsers keycloak, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void activate(String token) {
        if (token == null || token.isBlank()) {
            throw ValidationFailedException.of("token", "required");
        }
        String tokenHash = ActivationToken.hashOf(token.trim());
        Account account = accounts.findByActivationTokenHash(tokenHash)
                .orElseThrow(() -> ValidationFailedException.of("token", "activation_token"));
        Instant now = clock.instant();
        AccountActivated activated = account.activate(now);
        // enabling is idempotent: should two requests race, both enable, one records the use and the event
        keycloak.enable(account.id());
        if (!accounts.markActivated(account.id(), tokenHash, now, outbox.entryFor(activated, account.id()))) {
            throw new ProblemException(HttpStatus.CONFLICT, "activation_used");
        }
        log.info("Account {} activated", account.id());
    }
}
