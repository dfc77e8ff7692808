package mx.gob.inm.preregistro.document.registry;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationSubmitted;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * Learns from preregistration-service which documents have a service record: a submitted pre-registration is one,
 * whatever its decision, and keeps its document from being deleted (R-DOC-9).
 */
@Component
class ServiceRecordListener {

    static final String CONSUMER = "document.service-records";

    private final EventInbox inbox;
    private final Documents documents;

    ServiceRecordListener(EventInbox inbox, Documents documents) {
        this.inbox = inbox;
        this.documents = documents;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.PREREGISTRATIONS)
    void on(String record) {
        // adding to a set: the same however often the event arrives, so no once-only marker
        inbox.receive(CONSUMER, record).onEvery(PreRegistrationSubmitted.class,
                (envelope, submitted) -> documents.addServiceRecord(submitted.documentId(),
                        submitted.preregistrationId()));
    }
}
