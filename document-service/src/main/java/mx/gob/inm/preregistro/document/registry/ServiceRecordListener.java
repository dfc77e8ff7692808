package mx.gob.inm.preregistro.document.registry;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.preregistration.DocumentWithdrawn;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationSubmitted;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * Learns from preregistration-service which documents have a service record: a submitted pre-registration is one,
 * whatever its decision, and keeps its document from being deleted (R-DOC-9); and which documents whose deletion
 * was asked for it withdrew ({@code DocumentWithdrawn}), which are then deleted.
 */
@Component
class ServiceRecordListener {

    static final String CONSUMER = "document.service-records";

    private final EventInbox inbox;
    private final Documents documents;
    private final DocumentRegistry registry;

    ServiceRecordListener(EventInbox inbox, Documents documents, DocumentRegistry registry) {
        this.inbox = inbox;
        this.documents = documents;
        this.registry = registry;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.PREREGISTRATIONS)
    void on(String record) {
        // adding to a set, deleting what is not deleted yet: the same however often an event arrives, so no
        // once-only marker
        inbox.receive(CONSUMER, record)
                .onEvery(PreRegistrationSubmitted.class, (envelope, submitted) ->
                        documents.addServiceRecord(submitted.documentId(), submitted.preregistrationId()))
                .onEvery(DocumentWithdrawn.class, (envelope, withdrawn) ->
                        registry.withdrawn(withdrawn.documentId(), withdrawn.accountId()));
    }
}
