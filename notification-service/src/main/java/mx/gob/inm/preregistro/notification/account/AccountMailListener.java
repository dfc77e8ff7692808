package mx.gob.inm.preregistro.notification.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.contracts.identity.ActivationLinkRequested;
import mx.gob.inm.preregistro.contracts.identity.ExistingAccountRegistrationAttempted;
import mx.gob.inm.preregistro.contracts.identity.PasswordResetRequested;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.notification.delivery.MailDelivery;
import mx.gob.inm.preregistro.notification.delivery.NotificationProperties;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * E-mails about accounts, from {@code alertas.sistemas@inami.gob.mx}, once per event: the "Activar cuenta" link
 * after registration (R-ACC-5) and on request (R-ACC-7), the password recovery link (R-ACC-7), and the notice to
 * the owner of an e-mail someone tried to register again (the registration itself never reveals it).
 */
@Component
class AccountMailListener {

    static final String CONSUMER = "notification.account-mail";
    private static final DateTimeFormatter MEXICO_CITY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("America/Mexico_City"));

    private final EventInbox inbox;
    private final MailDelivery delivery;
    private final NotificationProperties properties;

    AccountMailListener(EventInbox inbox, MailDelivery delivery, NotificationProperties properties) {
        this.inbox = inbox;
        this.delivery = delivery;
        this.properties = properties;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.IDENTITY_ACCOUNTS)
    void on(String record) {
        inbox.receive(CONSUMER, record)
                .on(AccountRegistered.class, (envelope, registered) -> send(envelope, registered.accountId(),
                        NotificationKind.ACCOUNT_ACTIVATION, "account-activation", registered.language(),
                        registered.email(), registered.givenNames(), "activationLink", registered.activationLink(),
                        registered.activationExpiresAt()))
                .on(ActivationLinkRequested.class, (envelope, requested) -> send(envelope, requested.accountId(),
                        NotificationKind.ACCOUNT_ACTIVATION, "activation-resend", requested.language(),
                        requested.email(), requested.givenNames(), "activationLink", requested.activationLink(),
                        requested.activationExpiresAt()))
                .on(PasswordResetRequested.class, (envelope, reset) -> send(envelope, reset.accountId(),
                        NotificationKind.PASSWORD_RESET, "password-reset", reset.language(), reset.email(),
                        reset.givenNames(), "resetLink", reset.resetLink(), reset.resetExpiresAt()))
                .on(ExistingAccountRegistrationAttempted.class, (envelope, attempt) -> delivery.deliver(envelope,
                        attempt.accountId(), new MailDelivery.Mail(NotificationKind.ACCOUNT_ALREADY_REGISTERED,
                                "account-already-registered", attempt.language(), properties.senders().alerts(),
                                attempt.email(), Map.of("givenNames", attempt.givenNames(),
                                        "portalUrl", properties.publicBaseUrl()))));
    }

    /** A mail carrying one link that expires. */
    private void send(EventEnvelope<DomainEvent> envelope, String accountId, NotificationKind kind, String template,
            Language language, String email, String givenNames, String linkName, String link, Instant expiresAt) {
        delivery.deliver(envelope, accountId, new MailDelivery.Mail(kind, template, language,
                properties.senders().alerts(), email, Map.of(
                        "givenNames", givenNames,
                        linkName, link,
                        "expiresAt", MEXICO_CITY_TIME.format(expiresAt),
                        "portalUrl", properties.publicBaseUrl())));
    }
}
