package mx.gob.inm.preregistro.preregistration.registration;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;

/**
 * A deleted document (R-DOC-9) takes its drafts with it, files included: without the document they could only be
 * decided "No cumple", and they stayed in the history with CONTINUAR. document-service deletes only a document
 * without anything decided, so drafts are all it has here.
 */
@Component
class DocumentDeletedListener {

    static final String CONSUMER = "preregistration.registrations.document-deleted";

    private final EventInbox inbox;
    private final PreRegistrations preRegistrations;
    private final DraftErasure drafts;

    DocumentDeletedListener(EventInbox inbox, PreRegistrations preRegistrations, DraftErasure drafts) {
        this.inbox = inbox;
        this.preRegistrations = preRegistrations;
        this.drafts = drafts;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.DOCUMENTS)
    void on(String record) {
        inbox.receive(CONSUMER, record).on(DocumentDeleted.class, (envelope, deleted) ->
                preRegistrations.draftsOf(deleted.documentId().toString()).forEach(drafts::erase));
    }
}
