package mx.gob.inm.preregistro.notification.fmme;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
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

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.notification.delivery.MailDelivery;
import mx.gob.inm.preregistro.notification.delivery.NotificationProperties;
import mx.gob.inm.preregistro.notification.delivery.Redelivery;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import tools.jackson.core.JacksonException;

/**
 * The two e-mails of an issued FMME (R-FMM-2), in the account's language: the FMM download link from
 * {@code notificaciones-inami@inami.gob.mx} and the QR receipt from {@code alertas.sistemas@inami.gob.mx} (both
 * configurable). A re-issue ({@code resend}, R-FMM-3) is a new event, so it sends both again: mails are once per
 * event id, not per pre-registration.
 *
 * <p>The QR receipt mail carries a download link, not the PDF: the PDF lives in fmme-service, and fetching it
 * here would make every mail depend on that service being up (and on a token for an owner-only endpoint); the
 * event carries everything the mails need.
 */
@Component
class FmmeMailListener {

    static final String CONSUMER = "notification.fmme-mail";
    private static final Logger log = LoggerFactory.getLogger(FmmeMailListener.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final EventInbox inbox;
    private final MailDelivery delivery;
    private final NotificationProperties properties;

    FmmeMailListener(EventInbox inbox, MailDelivery delivery, NotificationProperties properties) {
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
    @KafkaListener(id = CONSUMER, topics = Topics.FMME, concurrency = Redelivery.CONSUMERS)
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
            log.error("An unreadable record stays in the dead-letter topic of {}: {}", Topics.FMME,
                    unreadable.getMessage());
        }
    }

    private void route(EventInbox.Delivery received, MailDelivery.Handling handling) {
        received.on(FmmeIssued.class, (envelope, issued) -> handling.handle(envelope,
                issued.preregistrationId().toString(), mailsFor(issued)));
    }

    private List<MailDelivery.Mail> mailsFor(FmmeIssued issued) {
        Map<String, String> common = Map.of(
                "givenNames", issued.givenNames(),
                "folio", issued.folio(),
                "entryDate", DATE.format(issued.entryDate()),
                "portalUrl", properties.publicBaseUrl());
        return List.of(
                new MailDelivery.Mail(NotificationKind.FMME_LINK, "fmme-link", issued.language(),
                        properties.senders().notices(), issued.email(),
                        with(common, "fmmeLink", properties.link(issued.fmmeDownloadUrl()))),
                new MailDelivery.Mail(NotificationKind.QR_RECEIPT, "qr-receipt", issued.language(),
                        properties.senders().alerts(), issued.email(),
                        with(common, "qrReceiptLink", properties.link(issued.qrReceiptDownloadUrl()))));
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        HashMap<String, String> all = new HashMap<>(values);
        all.put(name, value);
        return Map.copyOf(all);
    }
}
