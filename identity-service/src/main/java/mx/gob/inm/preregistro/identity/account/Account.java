package mx.gob.inm.preregistro.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.identity.AccountActivated;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.contracts.identity.ActivationLinkRequested;
import mx.gob.inm.preregistro.contracts.identity.ExistingAccountRegistrationAttempted;
import mx.gob.inm.preregistro.contracts.identity.PasswordChanged;
import mx.gob.inm.preregistro.contracts.identity.PasswordResetRequested;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;
import mx.gob.inm.preregistro.platform.problem.ProblemException;

/**
 * What identity-service keeps of an account beyond Keycloak (which holds the credentials): the language and the
 * state of the activation link, with the events waiting in its outbox. The id is the Keycloak user id.
 */
@Document(Account.COLLECTION)
public class Account {

    public static final String COLLECTION = "accounts";

    @Id
    private String id;
    private String email;
    private String givenNames;
    private String firstSurname;
    private Language language;
    private Instant registeredAt;
    private Activation activation;
    private PasswordReset passwordReset;
    private Instant closedAt;
    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Account() {
    }

    /** The single-use activation link's state (R-ACC-6). */
    public static class Activation {
        private String tokenHash;
        private Instant expiresAt;
        private boolean used;
        private Instant usedAt;

        protected Activation() {
        }

        Activation(String tokenHash, Instant expiresAt) {
            this.tokenHash = tokenHash;
            this.expiresAt = expiresAt;
        }
    }

    /** The single-use link of a password recovery (R-ACC-7 a). */
    public static class PasswordReset {
        private String tokenHash;
        private Instant expiresAt;
        private boolean used;
        private Instant usedAt;

        protected PasswordReset() {
        }

        PasswordReset(String tokenHash, Instant expiresAt) {
            this.tokenHash = tokenHash;
            this.expiresAt = expiresAt;
        }
    }

    /**
     * The account of a Keycloak user without a document here (made outside this service, or whose document could
     * not be saved after the user was created): recovery adopts it.
     */
    public static Account adopt(String keycloakUserId, String email, String givenNames, Language language) {
        Account account = new Account();
        account.id = keycloakUserId;
        account.email = email;
        account.givenNames = givenNames;
        account.language = language;
        return account;
    }

    /** A new account waiting for activation; {@link #registered(String)} is the event to publish. */
    public static Account register(String keycloakUserId, String email, String givenNames, String firstSurname,
            Language language, String activationTokenHash, Instant now, Duration activationValidity) {
        Account account = new Account();
        account.id = keycloakUserId;
        account.email = email;
        account.givenNames = givenNames;
        account.firstSurname = firstSurname;
        account.language = language;
        account.registeredAt = now;
        account.activation = new Activation(activationTokenHash, now.plus(activationValidity));
        return account;
    }

    public AccountRegistered registered(String activationLink) {
        return new AccountRegistered(id, email, givenNames, firstSurname, language, activationLink,
                activation.expiresAt);
    }

    /** Someone registered this e-mail again: its owner is told, the caller is not (R-ACC-7). */
    public static ExistingAccountRegistrationAttempted registrationAttempted(String accountId, String email,
            String givenNames, Language language, boolean active) {
        return new ExistingAccountRegistrationAttempted(accountId, email, givenNames, language, active);
    }

    /**
     * Follows the activation link (R-ACC-6): refused with 409 when already used, 410 when past its 72 hours.
     * Returns the event; the caller stores it with the state change in one conditional write.
     */
    public AccountActivated activate(Instant now) {
        if (activation.used) {
            throw new ProblemException(HttpStatus.CONFLICT, "activation_used");
        }
        if (!now.isBefore(activation.expiresAt)) {
            throw new ProblemException(HttpStatus.GONE, "activation_expired");
        }
        activation.used = true;
        activation.usedAt = now;
        return new AccountActivated(id, email, givenNames, language);
    }

    /**
     * Resend activation link (R-ACC-7 b), for an account that is not active: a new token replaces the old one, whose
     * link stops working, valid for the activation period again (R-ACC-6). Returns the event to publish.
     */
    public ActivationLinkRequested renewActivation(String tokenHash, String activationLink, Instant now,
            Duration activationValidity) {
        activation = new Activation(tokenHash, now.plus(activationValidity));
        return new ActivationLinkRequested(id, email, givenNames, language, activationLink, activation.expiresAt);
    }

    /**
     * Password recovery (R-ACC-7 a), for an active account: a new single-use reset token (replacing any earlier
     * one) valid for {@code validity}. Returns the event to publish.
     */
    public PasswordResetRequested requestPasswordReset(String tokenHash, String resetLink, Instant now,
            Duration validity) {
        passwordReset = new PasswordReset(tokenHash, now.plus(validity));
        return new PasswordResetRequested(id, email, givenNames, language, resetLink, passwordReset.expiresAt);
    }

    /**
     * Follows the reset link: 409 {@code reset_used} when used, 410 {@code reset_expired} when past its validity.
     * Returns the event; the caller stores the use and the event in one conditional write.
     */
    public PasswordChanged resetPassword(Instant now) {
        if (passwordReset.used) {
            throw new ProblemException(HttpStatus.CONFLICT, "reset_used");
        }
        if (!now.isBefore(passwordReset.expiresAt)) {
            throw new ProblemException(HttpStatus.GONE, "reset_expired");
        }
        passwordReset.used = true;
        passwordReset.usedAt = now;
        return new PasswordChanged(id, email, givenNames, language, PasswordChanged.Origin.RESET_LINK);
    }

    public void record(OutboxEntry entry) {
        outbox.add(entry);
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String givenNames() {
        return givenNames;
    }

    public Language language() {
        return language;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String activationTokenHash() {
        return activation.tokenHash;
    }

    public Instant activationExpiresAt() {
        return activation == null ? null : activation.expiresAt;
    }

    public Activation activation() {
        return activation;
    }

    public PasswordReset passwordReset() {
        return passwordReset;
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
