package mx.gob.inm.preregistro.notification.account;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.notification.delivery.MailDelivery;
import mx.gob.inm.preregistro.notification.delivery.NotificationProperties;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/** E-mails about accounts (R-ACC-5): the "Activar cuenta" link after registration. Once per event. */
@Component
class AccountMailListener {

    static final String CONSUMER = "notification.account-mail";
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
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
        inbox.receive(CONSUMER, record).on(AccountRegistered.class, this::activationMail);
    }

    private void activationMail(EventEnvelope<DomainEvent> envelope, AccountRegistered registered) {
        delivery.deliver(envelope, registered.accountId(), new MailDelivery.Mail(
                NotificationKind.ACCOUNT_ACTIVATION, "account-activation", registered.language(),
                properties.senders().alerts(), registered.email(), Map.of(
                        "givenNames", registered.givenNames(),
                        "activationLink", registered.activationLink(),
                        "expiresAt", EXPIRY.format(registered.activationExpiresAt()),
                        "portalUrl", properties.publicBaseUrl())));
    }
}
