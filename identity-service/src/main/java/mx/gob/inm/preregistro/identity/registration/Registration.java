package mx.gob.inm.preregistro.identity.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.identity.account.Account;
import mx.gob.inm.preregistro.identity.account.AccountProperties;
import mx.gob.inm.preregistro.identity.account.Accounts;
import mx.gob.inm.preregistro.identity.account.ActivationToken;
import mx.gob.inm.preregistro.platform.captcha.Captchas;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUser;
import mx.gob.inm.preregistro.identity.keycloak.KeycloakUsers;
import mx.gob.inm.preregistro.identity.keycloak.NewKeycloakUser;
import mx.gob.inm.preregistro.identity.keycloak.PasswordRefusedByKeycloakException;
import mx.gob.inm.preregistro.identity.keycloak.UserExistsException;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/**
 * Creating an account (R-ACC-1..3, R-ACC-5): the form's rules, then the captcha, then the Keycloak user (disabled
 * until activation) and the account document with {@code AccountRegistered} in its outbox. An e-mail that already
 * has an account gets the same answer and, instead, {@code ExistingAccountRegistrationAttempted}.
 */
@Service
public class Registration {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final RegistrationRules rules;
    private final Captchas captchas;
    private final KeycloakUsers keycloak;
    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;
    private final AccountProperties properties;

    public Registration(Captchas captchas, KeycloakUsers keycloak, Accounts accounts, Outbox outbox, Clock clock,
            AccountProperties properties) {
        this.rules = new RegistrationRules(clock, properties);
        this.captchas = captchas;
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    public void register(RegistrationRequest form) {
        List<FieldViolation> violations = rules.check(form);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        captchas.verify(form.captchaId(), form.captchaAnswer());
        String email = form.email().trim().toLowerCase(Locale.ROOT);
        Language language = form.language() == null ? Language.es
                : Language.valueOf(form.language().toLowerCase(Locale.ROOT));
        keycloak.findByEmail(email).ifPresentOrElse(
                existing -> attemptedAgain(existing, email),
                () -> create(form, email, language));
    }

    private void create(RegistrationRequest form, String email, Language language) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("secondSurname", trimmed(form.secondSurname()));
        attributes.put("birthDate", form.birthDate().trim());
        attributes.put("nationality", form.nationality());
        attributes.put("sex", form.sex());
        attributes.put("language", language.name());
        String userId;
        try {
            userId = keycloak.create(new NewKeycloakUser(email, form.givenNames().trim(), form.firstSurname().trim(),
                    form.password(), attributes));
        } catch (PasswordRefusedByKeycloakException refused) {
            log.info("{}", refused.getMessage());
            throw ValidationFailedException.of("password", "password_policy");
        } catch (UserExistsException raced) {
            keycloak.findByEmail(email).ifPresent(existing -> attemptedAgain(existing, email));
            return;
        }
        String token = ActivationToken.generate();
        Instant now = clock.instant();
        Account account = Account.register(userId, email, form.givenNames().trim(), form.firstSurname().trim(),
                language, ActivationToken.hashOf(token), now, properties.activationValidity());
        account.record(outbox.entryFor(account.registered(properties.activationLink(token)), userId));
        accounts.insert(account);
        log.info("Account {} registered, waiting for activation", userId);
    }

    private void attemptedAgain(KeycloakUser existing, String email) {
        Language fromKeycloak = "en".equals(existing.attributes().get("language")) ? Language.en : Language.es;
        Account account = accounts.findById(existing.id())
                .orElseGet(() -> Account.adopt(existing.id(), email, existing.firstName(), fromKeycloak));
        Language language = account.language() != null ? account.language() : fromKeycloak;
        if (!accounts.recordRequestedMail(account, outbox.entryFor(Account.registrationAttempted(
                existing.id(), email, existing.firstName(), language, existing.enabled()), existing.id()),
                clock.instant(), properties.requestedMailsPerDay())) {
            log.info("Registration attempted again for account {} past its e-mails of the day: nothing to send",
                    existing.id());
            return;
        }
        log.info("Registration attempted again for account {}", existing.id());
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
