package mx.gob.inm.preregistro.preregistration.delivery;

import java.time.Clock;
import java.util.Date;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.notification.NotificationFailed;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * Learns from notification-service whether the e-mails about a pre-registration went out, once per event. The
 * history reads it to show the red "recover FMM and QR" icon when sending failed (R-PRE-11, R-FMM-3).
 * One document per related id, field per notification kind: {@code SENT} or {@code FAILED}.
 */
@Component
class DeliveryStatusListener {

    static final String CONSUMER = "preregistration.delivery-status";
    static final String COLLECTION = "delivery_status";

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

    private void record(String relatedId, String kind, String outcome) {
        mongo.upsert(Query.query(Criteria.where("_id").is(relatedId)),
                new Update().set("kinds." + kind, outcome).set("updatedAt", Date.from(clock.instant())),
                COLLECTION);
    }
}
