package mx.gob.inm.preregistro.preregistration.delivery;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssueFailed;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationKind;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * Learns whether the FMME of a pre-registration was issued (from {@code fmme.v1}) and whether its e-mails went
 * out (from {@code notifications.v1}), once per event. The history reads it ({@link DeliveryStatuses}) to show
 * the red "recover FMM and QR" icon when something failed (R-PRE-11, R-FMM-3); a later success of the same kind
 * clears it. One document per related id, field per kind: {@code SENT} / {@code ISSUED} or {@code FAILED}.
 */
@Component
class DeliveryStatusListener {

    static final String CONSUMER = "preregistration.delivery-status";
    static final String FMME_CONSUMER = "preregistration.fmme-status";
    static final String COLLECTION = "delivery_status";
    /** The kinds that make a pre-registration's delivery failed: the FMME itself and its two e-mails. */
    static final List<String> TRACKED_KINDS = List.of(
            "FMME", NotificationKind.QR_RECEIPT.name(), NotificationKind.FMME_LINK.name());

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
                .on(NotificationSent.class, (envelope, sent) -> record(sent.relatedId(), sent.kind().name(), "SENT"))
                .on(NotificationFailed.class,
                        (envelope, failed) -> record(failed.relatedId(), failed.kind().name(), "FAILED"));
    }

    @KafkaListener(id = FMME_CONSUMER, topics = Topics.FMME)
    void onFmme(String record) {
        inbox.receive(FMME_CONSUMER, record)
                .on(FmmeIssued.class, (envelope, issued) -> mongo.upsert(byId(issued.preregistrationId().toString()),
                        outcome("FMME", "ISSUED").set("folio", issued.folio()), COLLECTION))
                .on(FmmeIssueFailed.class,
                        (envelope, failed) -> record(failed.preregistrationId().toString(), "FMME", "FAILED"));
    }

    private void record(String relatedId, String kind, String outcome) {
        mongo.upsert(byId(relatedId), outcome(kind, outcome), COLLECTION);
    }

    private Update outcome(String kind, String outcome) {
        return new Update().set("kinds." + kind, outcome).set("updatedAt", Date.from(clock.instant()));
    }

    private static Query byId(String relatedId) {
        return Query.query(Criteria.where("_id").is(relatedId));
    }
}
