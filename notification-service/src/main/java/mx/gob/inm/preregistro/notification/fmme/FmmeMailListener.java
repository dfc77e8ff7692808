package mx.gob.inm.preregistro.notification.fmme;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.notification.delivery.MailDelivery;
import mx.gob.inm.preregistro.notification.delivery.MailListener;
import mx.gob.inm.preregistro.notification.delivery.NotificationProperties;
import mx.gob.inm.preregistro.notification.delivery.Redelivered;
import mx.gob.inm.preregistro.notification.delivery.Redelivery;
import mx.gob.inm.preregistro.platform.accounts.ClosedAccounts;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * The two e-mails of an issued FMME (R-FMM-2), in the account's language: the FMM download link from
 * {@code notificaciones-inami@inami.gob.mx} and the QR receipt from {@code alertas.sistemas@inami.gob.mx} (both
 * configurable). A re-issue ({@code resend}, R-FMM-3) is a new event, so it sends both again: mails are once per
 * event id, not per pre-registration.
 *
 * <p>The QR receipt mail carries a download link, not the PDF: the PDF lives in fmme-service, and fetching it
 * here would make every mail depend on that service being up (and on a token for an owner-only endpoint); the
 * event carries everything the mails need. A closed account's forms are not mailed ({@link ClosedAccounts}): one
 * issued just before the closure and handled after it leads to an account that no longer exists.
 */
@Component
class FmmeMailListener extends MailListener {

    static final String CONSUMER = "notification.fmme-mail";
    private static final Logger log = LoggerFactory.getLogger(FmmeMailListener.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final NotificationProperties properties;
    private final ClosedAccounts closedAccounts;

    FmmeMailListener(EventInbox inbox, MailDelivery delivery, NotificationProperties properties,
            ClosedAccounts closedAccounts) {
        super(CONSUMER, inbox, delivery);
        this.properties = properties;
        this.closedAccounts = closedAccounts;
    }

    @Redelivered
    @KafkaListener(id = CONSUMER, topics = Topics.FMME, concurrency = Redelivery.CONSUMERS)
    void on(String record) {
        send(record);
    }

    @DltHandler
    void onDeadLetter(ConsumerRecord<String, String> record) {
        recordFailure(record);
    }

    @Override
    protected void route(EventInbox.Delivery received, MailDelivery.Handling handling) {
        received.on(FmmeIssued.class, (envelope, issued) -> handling.handle(envelope, issued.accountId(),
                issued.preregistrationId().toString(), closedAccounts.isClosed(issued.accountId())
                        ? noMailForAClosedAccount(issued)
                        : mailsFor(issued)));
    }

    private static List<MailDelivery.Mail> noMailForAClosedAccount(FmmeIssued issued) {
        log.info("FMME {} of pre-registration {} not mailed: its account is closed", issued.folio(),
                issued.preregistrationId());
        return List.of();
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
