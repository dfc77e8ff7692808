package mx.gob.inm.preregistro.notification.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.retrytopic.TopicSuffixingStrategy;
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
import mx.gob.inm.preregistro.notification.delivery.NotificationProperties;
import mx.gob.inm.preregistro.notification.delivery.Redelivery;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import tools.jackson.core.JacksonException;

/**
 * E-mails about accounts, from {@code alertas.sistemas@inami.gob.mx}, once per event: the "Activar cuenta" link
 * after registration (R-ACC-5) and on request (R-ACC-7), the password recovery link (R-ACC-7), the notice to
 * the owner of an e-mail someone tried to register again (the registration itself never reveals it), and short
 * notices that the password changed or the account was closed.
 */
@Component
class AccountMailListener {

    static final String CONSUMER = "notification.account-mail";
    private static final Logger log = LoggerFactory.getLogger(AccountMailListener.class);
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

    @RetryableTopic(attempts = Redelivery.ATTEMPTS,
            backOff = @BackOff(delayString = Redelivery.DELAY, multiplierString = Redelivery.MULTIPLIER,
                    maxDelayString = Redelivery.MAX_DELAY),
            retryTopicSuffix = Redelivery.RETRY_SUFFIX, dltTopicSuffix = Redelivery.DLT_SUFFIX,
            topicSuffixingStrategy = TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE,
            numPartitions = Redelivery.PARTITIONS, replicationFactor = Redelivery.REPLICAS,
            exclude = JacksonException.class, traversingCauses = "true", concurrency = Redelivery.RETRY_CONSUMERS)
    @KafkaListener(id = CONSUMER, topics = Topics.IDENTITY_ACCOUNTS, concurrency = Redelivery.CONSUMERS)
    void on(String record) {
        route(inbox.receive(CONSUMER, record), delivery::deliver);
    }

    /** The last redelivery failed: the mails not sent are recorded as failed, with NotificationFailed (R-NOT-2). */
    @DltHandler
    void onDeadLetter(ConsumerRecord<String, String> record) {
        try {
            route(inbox.receive(CONSUMER + Redelivery.DEAD_LETTERS, record.value()),
                    (cause, relatedId, mails) -> delivery.fail(cause, relatedId, mails, Redelivery.reason(record)));
        } catch (JacksonException unreadable) {
            log.error("An unreadable record stays in the dead-letter topic of {}: {}", Topics.IDENTITY_ACCOUNTS,
                    unreadable.getMessage());
        }
    }

    private void route(EventInbox.Delivery received, MailDelivery.Handling handling) {
        received
                .on(AccountRegistered.class, (envelope, registered) -> handling.handle(envelope,
                        registered.accountId(), linkMail(NotificationKind.ACCOUNT_ACTIVATION, "account-activation",
                                registered.language(), registered.email(), registered.givenNames(),
                                "activationLink", registered.activationLink(), registered.activationExpiresAt())))
                .on(ActivationLinkRequested.class, (envelope, requested) -> handling.handle(envelope,
                        requested.accountId(), linkMail(NotificationKind.ACCOUNT_ACTIVATION, "activation-resend",
                                requested.language(), requested.email(), requested.givenNames(),
                                "activationLink", requested.activationLink(), requested.activationExpiresAt())))
                .on(PasswordResetRequested.class, (envelope, reset) -> handling.handle(envelope,
                        reset.accountId(), linkMail(NotificationKind.PASSWORD_RESET, "password-reset",
                                reset.language(), reset.email(), reset.givenNames(), "resetLink",
                                reset.resetLink(), reset.resetExpiresAt())))
                .on(ExistingAccountRegistrationAttempted.class, (envelope, attempt) -> handling.handle(envelope,
                        attempt.accountId(), notice(NotificationKind.ACCOUNT_ALREADY_REGISTERED,
                                "account-already-registered", attempt.language(), attempt.email(),
                                attempt.givenNames())))
                .on(PasswordChanged.class, (envelope, changed) -> handling.handle(envelope,
                        changed.accountId(), notice(NotificationKind.PASSWORD_CHANGED, "password-changed",
                                changed.language(), changed.email(), changed.givenNames())))
                .on(AccountClosed.class, (envelope, closed) -> handling.handle(envelope,
                        closed.accountId(), notice(NotificationKind.ACCOUNT_CLOSED, "account-closed",
                                closed.language(), closed.email(), closed.givenNames())));
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
