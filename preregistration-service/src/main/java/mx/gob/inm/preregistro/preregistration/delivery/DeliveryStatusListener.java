package mx.gob.inm.preregistro.preregistration.delivery;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssueFailed;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * Learns whether the FMME of a pre-registration was issued (from {@code fmme.v1}) and whether its e-mails went
 * out (from {@code notifications.v1}). The history reads it ({@link DeliveryStatuses}) to show the red "recover FMM
 * and QR" icon when something failed (R-PRE-11, R-FMM-3); a later success of the same kind clears it. One document
 * per related id, field per kind: {@code SENT} / {@code ISSUED} or {@code FAILED}, the outcome of the latest event
 * of that kind, whatever the order and the number of deliveries.
 */
@Component
class DeliveryStatusListener {

    static final String CONSUMER = "preregistration.delivery-status";
    static final String FMME_CONSUMER = "preregistration.fmme-status";
    static final String COLLECTION = "delivery_status";
    /** The kinds that make a pre-registration's delivery failed: the FMME itself and its two e-mails. */
    static final List<String> TRACKED_KINDS = List.of(
            "FMME", NotificationKind.QR_RECEIPT.name(), NotificationKind.FMME_LINK.name());
    /** Per kind, when the event of the recorded outcome occurred, and its id. */
    private static final String OCCURRED_AT = "occurredAt.";
    private static final String EVENT = "eventId.";

    private final EventInbox inbox;
    private final MongoTemplate mongo;
    private final Clock clock;

    DeliveryStatusListener(EventInbox inbox, MongoTemplate mongo, Clock clock) {
        this.inbox = inbox;
        this.mongo = mongo;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.NOTIFICATIONS)
    void on(String record) {
        inbox.receive(CONSUMER, record)
                .onEvery(NotificationSent.class,
                        (envelope, sent) -> record(envelope, sent.relatedId(), sent.kind().name(), "SENT", null))
                .onEvery(NotificationFailed.class,
                        (envelope, failed) -> record(envelope, failed.relatedId(), failed.kind().name(), "FAILED", null));
    }

    @KafkaListener(id = FMME_CONSUMER, topics = Topics.FMME)
    void onFmme(String record) {
        inbox.receive(FMME_CONSUMER, record)
                .onEvery(FmmeIssued.class, (envelope, issued) -> record(envelope,
                        issued.preregistrationId().toString(), "FMME", "ISSUED", issued.folio()))
                .onEvery(FmmeIssueFailed.class, (envelope, failed) -> record(envelope,
                        failed.preregistrationId().toString(), "FMME", "FAILED", null));
    }

    /**
     * Records the outcome of this event for its kind unless the recorded one is this event's own or a later one's:
     * then the upsert finds no document to update, its insert collides on the id, and this event (a second delivery,
     * or an older one delivered late) changes nothing. Of two events at the same millisecond the one read last
     * counts. One write per event, in any order and however often delivered, instead of the inbox's marker around it.
     */
    private void record(EventEnvelope<?> envelope, String relatedId, String kind, String outcome, String folio) {
        Date occurredAt = Date.from(envelope.occurredAt());
        String eventId = envelope.eventId().toString();
        Query olderRecorded = Query.query(Criteria.where("_id").is(relatedId).orOperator(
                Criteria.where(OCCURRED_AT + kind).not().gte(occurredAt),
                Criteria.where(OCCURRED_AT + kind).is(occurredAt).and(EVENT + kind).ne(eventId)));
        Update update = new Update().set("kinds." + kind, outcome).set(OCCURRED_AT + kind, occurredAt)
                .set(EVENT + kind, eventId).set("updatedAt", Date.from(clock.instant()));
        if (folio != null) {
            update.set("folio", folio);
        }
        try {
            mongo.upsert(olderRecorded, update, COLLECTION);
        } catch (DuplicateKeyException sameOrLaterRecorded) {
            // nothing to do: the recorded outcome is this event's own or a later one's
        }
    }
}
