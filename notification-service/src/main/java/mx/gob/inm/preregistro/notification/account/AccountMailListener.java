package mx.gob.inm.preregistro.notification.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountClosed;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.contracts.identity.ActivationLinkRequested;
import mx.gob.inm.preregistro.contracts.identity.ExistingAccountRegistrationAttempted;
import mx.gob.inm.preregistro.contracts.identity.PasswordChanged;
import mx.gob.inm.preregistro.contracts.identity.PasswordResetRequested;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.notification.delivery.MailDelivery;
import mx.gob.inm.preregistro.notification.delivery.MailListener;
import mx.gob.inm.preregistro.notification.delivery.NotificationProperties;
import mx.gob.inm.preregistro.notification.delivery.Redelivered;
import mx.gob.inm.preregistro.notification.delivery.Redelivery;
import mx.gob.inm.preregistro.platform.accounts.ClosedAccounts;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * E-mails about accounts, from {@code alertas.sistemas@inami.gob.mx}, once per event: the "Activar cuenta" link
 * after registration (R-ACC-5) and on request (R-ACC-7), the password recovery link (R-ACC-7), the notice to
 * the owner of an e-mail someone tried to register again (the registration itself never reveals it), and short
 * notices that the password changed or the account was closed. Once the closure's notice is sent, the account is
 * remembered closed ({@link ClosedAccounts}) and the addresses of its mails are erased
 * ({@link MailDelivery#eraseAddresses}, R-ENT-5).
 */
@Component
class AccountMailListener extends MailListener {

    static final String CONSUMER = "notification.account-mail";
    private static final DateTimeFormatter MEXICO_CITY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("America/Mexico_City"));

    private final NotificationProperties properties;
    private final ClosedAccounts closedAccounts;

    AccountMailListener(EventInbox inbox, MailDelivery delivery, NotificationProperties properties,
            ClosedAccounts closedAccounts) {
        super(CONSUMER, inbox, delivery);
        this.properties = properties;
        this.closedAccounts = closedAccounts;
    }

    @Redelivered
    @KafkaListener(id = CONSUMER, topics = Topics.IDENTITY_ACCOUNTS, concurrency = Redelivery.CONSUMERS)
    void on(String record) {
        send(record);
    }

    @DltHandler
    void onDeadLetter(ConsumerRecord<String, String> record) {
        recordFailure(record);
    }

    @Override
    protected void route(EventInbox.Delivery received, MailDelivery.Handling handling) {
        received
                .on(AccountRegistered.class, (envelope, registered) -> handling.handle(envelope,
                        registered.accountId(), registered.accountId(), linkMail(NotificationKind.ACCOUNT_ACTIVATION,
                                "account-activation", registered.language(), registered.email(),
                                registered.givenNames(), "activationLink", registered.activationLink(),
                                registered.activationExpiresAt())))
                .on(ActivationLinkRequested.class, (envelope, requested) -> handling.handle(envelope,
                        requested.accountId(), requested.accountId(), linkMail(NotificationKind.ACCOUNT_ACTIVATION,
                                "activation-resend", requested.language(), requested.email(), requested.givenNames(),
                                "activationLink", requested.activationLink(), requested.activationExpiresAt())))
                .on(PasswordResetRequested.class, (envelope, reset) -> handling.handle(envelope,
                        reset.accountId(), reset.accountId(), linkMail(NotificationKind.PASSWORD_RESET,
                                "password-reset", reset.language(), reset.email(), reset.givenNames(), "resetLink",
                                reset.resetLink(), reset.resetExpiresAt())))
                .on(ExistingAccountRegistrationAttempted.class, (envelope, attempt) -> handling.handle(envelope,
                        attempt.accountId(), attempt.accountId(), notice(NotificationKind.ACCOUNT_ALREADY_REGISTERED,
                                "account-already-registered", attempt.language(), attempt.email(),
                                attempt.givenNames())))
                .on(PasswordChanged.class, (envelope, changed) -> handling.handle(envelope,
                        changed.accountId(), changed.accountId(), notice(NotificationKind.PASSWORD_CHANGED,
                                "password-changed", changed.language(), changed.email(), changed.givenNames())))
                .on(AccountClosed.class, (envelope, closed) -> {
                    handling.handle(envelope, closed.accountId(), closed.accountId(), notice(
                            NotificationKind.ACCOUNT_CLOSED, "account-closed", closed.language(), closed.email(),
                            closed.givenNames()));
                    // sent (or recorded as failed): its address goes with the others, and no more mail is sent
                    closedAccounts.close(closed.accountId());
                    delivery.eraseAddresses(closed.accountId());
                });
    }

    /** A mail carrying one link that expires. */
    private List<MailDelivery.Mail> linkMail(NotificationKind kind, String template, Language language,
            String email, String givenNames, String linkName, String link, Instant expiresAt) {
        return List.of(new MailDelivery.Mail(kind, template, language, properties.senders().alerts(), email,
                Map.of("givenNames", givenNames,
                        linkName, link,
                        "expiresAt", MEXICO_CITY_TIME.format(expiresAt),
                        "portalUrl", properties.publicBaseUrl())));
    }

    /** A short notice with a link to the portal. */
    private List<MailDelivery.Mail> notice(NotificationKind kind, String template, Language language, String email,
            String givenNames) {
        return List.of(new MailDelivery.Mail(kind, template, language, properties.senders().alerts(), email,
                Map.of("givenNames", givenNames, "portalUrl", properties.publicBaseUrl())));
    }
}
