package mx.gob.inm.preregistro.identity.recovery;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.identity.ActivationLinkRequested;
import mx.gob.inm.preregistro.contracts.identity.PasswordResetRequested;
import mx.gob.inm.preregistro.identity.account.Account;
import mx.gob.inm.preregistro.identity.account.AccountProperties;
import mx.gob.inm.preregistro.identity.account.Accounts;
import mx.gob.inm.preregistro.identity.account.ActivationToken;
import mx.gob.inm.preregistro.platform.captcha.Captchas;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUser;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUsers;
import mx.gob.inm.preregistro.identity.registration.RegistrationRules;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * Recovery (R-ACC-7): the form's rules, then the captcha (spent for every well-formed request), then, depending on
 * the type and on the account, a new activation link (type ACTIVATION, account not active) or a password reset
 * link (type PASSWORD, account active), each as an event in the account's outbox. Whatever happens after the
 * captcha, the caller gets the same answer: it never tells whether the e-mail has an account.
 */
@Service
public class Recovery {

    /** The two kinds of recovery of the manual. */
    public enum Type {
        /** (a) forgotten password: a reset link. */
        PASSWORD,
        /** (b) resend the activation link, only while the account is not active. */
        ACTIVATION
    }

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    private static final Set<String> TYPES = Set.of("PASSWORD", "ACTIVATION");

    private final Captchas captchas;
    private final KeycloakUsers keycloak;
    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;
    private final AccountProperties properties;

    public Recovery(Captchas captchas, KeycloakUsers keycloak, Accounts accounts, Outbox outbox, Clock clock,
            AccountProperties properties) {
        this.captchas = captchas;
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    public void recover(RecoveryRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (blank(request.email())) {
            violations.add(FieldViolation.of("email", "required"));
        } else if (!RegistrationRules.isEmail(request.email())) {
            violations.add(FieldViolation.of("email", "email"));
        }
        if (blank(request.type())) {
            violations.add(FieldViolation.of("type", "required"));
        } else if (!TYPES.contains(request.type().trim().toUpperCase(Locale.ROOT))) {
            violations.add(FieldViolation.of("type", "invalid"));
        }
        if (blank(request.captchaId())) {
            violations.add(FieldViolation.of("captchaId", "required"));
        }
        if (blank(request.captchaAnswer())) {
            violations.add(FieldViolation.of(Captchas.FIELD, "required"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        captchas.verify(request.captchaId(), request.captchaAnswer());
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        Type type = Type.valueOf(request.type().trim().toUpperCase(Locale.ROOT));
        keycloak.findByEmail(email).ifPresentOrElse(user -> {
            switch (type) {
                case ACTIVATION -> resendActivation(user, email);
                case PASSWORD -> requestPasswordReset(user, email);
            }
        }, () -> log.info("Recovery {} for an e-mail without an account: nothing to send", type));
    }

    private void resendActivation(KeycloakUser user, String email) {
        if (user.enabled()) {
            log.info("Activation link asked for active account {}: nothing to send", user.id());
            return;
        }
        Account account = accountOf(user, email);
        Instant now = clock.instant();
        String token = ActivationToken.generate();
        ActivationLinkRequested requested = account.renewActivation(ActivationToken.hashOf(token),
                properties.activationLink(token), now, properties.activationValidity());
        if (!accounts.renewActivation(account, outbox.entryFor(requested, account.id()), now,
                properties.requestedMailsPerDay())) {
            log.info("Activation link asked for account {} past its e-mails of the day: nothing to send", user.id());
            return;
        }
        log.info("New activation link for account {}", account.id());
    }

    private void requestPasswordReset(KeycloakUser user, String email) {
        if (!user.enabled()) {
            log.info("Password recovery asked for inactive account {}: nothing to send", user.id());
            return;
        }
        Account account = accountOf(user, email);
        Instant now = clock.instant();
        String token = ActivationToken.generate();
        PasswordResetRequested requested = account.requestPasswordReset(ActivationToken.hashOf(token),
                properties.passwordResetLink(token), now, properties.passwordResetValidity());
        if (!accounts.requestPasswordReset(account, outbox.entryFor(requested, account.id()), now,
                properties.requestedMailsPerDay())) {
            log.info("Password recovery asked for account {} past its e-mails of the day: nothing to send", user.id());
            return;
        }
        log.info("Password reset link for account {}", account.id());
    }

    private Account accountOf(KeycloakUser user, String email) {
        return accounts.findById(user.id()).orElseGet(() -> Account.adopt(user.id(), email, user.firstName(),
                "en".equals(user.attributes().get("language")) ? Language.en : Language.es));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
