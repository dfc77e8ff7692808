package mx.gob.inm.preregistro.identity.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.identity.PasswordChanged;
import mx.gob.inm.preregistro.identity.account.Account;
import mx.gob.inm.preregistro.identity.account.Accounts;
import mx.gob.inm.preregistro.identity.account.ActivationToken;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUsers;
import mx.gob.inm.preregistro.identity.keycloak.PasswordRefusedByKeycloakException;
import mx.gob.inm.preregistro.identity.registration.PasswordPolicy;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * Following a password recovery link (R-ACC-7 a): the new password under R-ACC-3 (one error per broken rule), then
 * the token (unknown → 400 on {@code token}, used → 409 {@code reset_used}, expired → 410 {@code reset_expired}),
 * then the password set in Keycloak and the token's use recorded with {@code PasswordChanged}.
 */
@Service
public class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    private final Accounts accounts;
    private final KeycloakUsers keycloak;
    private final Outbox outbox;
    private final Clock clock;

    public PasswordReset(Accounts accounts, KeycloakUsers keycloak, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void reset(PasswordResetRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.token() == null || request.token().isBlank()) {
            violations.add(FieldViolation.of("token", "required"));
        }
        violations.addAll(PasswordPolicy.checkNew(request.password(), request.passwordConfirmation()));
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        String tokenHash = ActivationToken.hashOf(request.token().trim());
        Account account = accounts.findByPasswordResetTokenHash(tokenHash)
                .orElseThrow(() -> ValidationFailedException.of("token", "reset_token"));
        Instant now = clock.instant();
        PasswordChanged changed = account.resetPassword(now);
        try {
            keycloak.resetPassword(account.id(), request.password());
        } catch (PasswordRefusedByKeycloakException refused) {
            log.info("{}", refused.getMessage());
            throw ValidationFailedException.of("password", "password_policy");
        }
        if (!accounts.markPasswordReset(account.id(), tokenHash, now, outbox.entryFor(changed, account.id()))) {
            throw new ProblemException(HttpStatus.CONFLICT, "reset_used");
        }
        log.info("Password of account {} reset by link", account.id());
    }
}
