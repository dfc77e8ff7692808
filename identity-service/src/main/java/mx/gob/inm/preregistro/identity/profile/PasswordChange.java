package mx.gob.inm.preregistro.identity.profile;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.identity.PasswordChanged;
import mx.gob.inm.preregistro.identity.account.Account;
import mx.gob.inm.preregistro.identity.account.Accounts;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUser;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUsers;
import mx.gob.inm.preregistro.identity.keycloak.PasswordRefusedByKeycloakException;
import mx.gob.inm.preregistro.identity.registration.PasswordPolicy;
import mx.gob.inm.preregistro.platform.captcha.Captchas;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * Contraseña in the account menu (R-ACC-9): the form's rules (R-ACC-3 for the new password, one error per broken
 * rule), then the captcha, then the current password checked by Keycloak (a wrong one counts towards its lock-out,
 * R-ACC-8), then the new one set and {@code PasswordChanged} recorded, which tells the holder by e-mail.
 */
@Service
class PasswordChange {

    private static final Logger log = LoggerFactory.getLogger(PasswordChange.class);

    private final Captchas captchas;
    private final KeycloakUsers keycloak;
    private final Accounts accounts;
    private final Outbox outbox;

    PasswordChange(Captchas captchas, KeycloakUsers keycloak, Accounts accounts, Outbox outbox) {
        this.captchas = captchas;
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.outbox = outbox;
    }

    void change(String accountId, PasswordChangeRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
            violations.add(FieldViolation.of("currentPassword", "required"));
        }
        violations.addAll(PasswordPolicy.checkNew("newPassword", request.newPassword(), "newPasswordConfirmation",
                request.newPasswordConfirmation()));
        if (request.currentPassword() != null && request.currentPassword().equals(request.newPassword())) {
            violations.add(FieldViolation.of("newPassword", "password_unchanged"));
        }
        if (request.captchaId() == null || request.captchaId().isBlank()) {
            violations.add(FieldViolation.of("captchaId", "required"));
        }
        if (request.captchaAnswer() == null || request.captchaAnswer().isBlank()) {
            violations.add(FieldViolation.of(Captchas.FIELD, "required"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        captchas.verify(request.captchaId(), request.captchaAnswer());
        KeycloakUser user = keycloak.get(accountId);
        if (!keycloak.passwordMatches(user.email(), request.currentPassword())) {
            throw ValidationFailedException.of("currentPassword", "current_password");
        }
        try {
            keycloak.resetPassword(accountId, request.newPassword());
        } catch (PasswordRefusedByKeycloakException refused) {
            log.info("{}", refused.getMessage());
            throw ValidationFailedException.of("newPassword", "password_policy");
        }
        Language language = accounts.findById(accountId).map(Account::language).orElse(Language.es);
        accounts.recordEvent(accountId, user.email(), language, outbox.entryFor(new PasswordChanged(accountId,
                user.email(), user.firstName(), language, PasswordChanged.Origin.ACCOUNT_MENU), accountId));
        log.info("Password of account {} changed from the account menu", accountId);
    }
}
